/**
 * CONTENT_IMAGE_HOSTS: a comma-separated list of host names marketers' images may come from
 * (e.g. "cdn.example.se, images.example.com"). Anything that is not a plain host name is dropped.
 */
export function parseImageHosts(value: string | undefined): string[] {
  return [
    ...new Set(
      (value ?? "")
        .split(",")
        .map((host) => host.trim().toLowerCase())
        .filter((host) =>
          /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/.test(host),
        ),
    ),
  ];
}

/** Whether an image address is on one of the allowed hosts (https only). */
export function isAllowedImageUrl(url: string, hosts: readonly string[]): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" && hosts.includes(parsed.hostname.toLowerCase());
  } catch {
    return false;
  }
}
