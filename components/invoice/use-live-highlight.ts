"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";

function snapshotSections(): Map<string, string> {
  const sections = document.querySelectorAll<HTMLElement>("[data-live-section]");
  return new Map(
    [...sections].map((element) => [element.dataset.liveSection ?? "", element.textContent ?? ""]),
  );
}

/**
 * Re-reads the page from the server when the invoice changed, then makes the sections whose text
 * changed glow briefly and sets a polite announcement for screen readers. `version` is the version
 * the page shows now; cues older than it are dropped. `renderedAt` changes with every server
 * render, so a refresh that changed content but not the invoice's version (published marketing
 * content) is noticed too; a refresh that changed nothing on this page announces nothing.
 */
export function useLiveHighlight<K extends string>(
  version: number,
  announce: (kind: K | null) => string,
  renderedAt = 0,
) {
  const router = useRouter();
  const shownVersion = useRef(version);
  const before = useRef<{ sections: Map<string, string>; kind: K | null } | null>(null);
  const announceRef = useRef(announce);
  announceRef.current = announce;
  const [announcement, setAnnouncement] = useState("");

  // biome-ignore lint/correctness/useExhaustiveDependencies: renderedAt marks a new server render at the same version
  useEffect(() => {
    shownVersion.current = version;
    const earlier = before.current;
    if (!earlier) return;
    before.current = null;
    let changed = false;
    for (const [name, text] of snapshotSections()) {
      if (earlier.sections.get(name) === text) continue;
      changed = true;
      const element = document.querySelector<HTMLElement>(`[data-live-section="${name}"]`);
      if (!element) continue;
      element.classList.remove("live-changed");
      void element.offsetWidth; // restarts the glow for a second change in a row
      element.classList.add("live-changed");
      window.setTimeout(() => element.classList.remove("live-changed"), 4000);
    }
    if (changed) setAnnouncement(announceRef.current(earlier.kind));
  }, [version, renderedAt]);

  /** Call with the cue's version (undefined: always refresh). */
  const refreshFor = useCallback(
    (cueVersion: number | undefined, kind: K | null) => {
      if (cueVersion !== undefined && cueVersion <= shownVersion.current) return;
      if (!before.current) before.current = { sections: snapshotSections(), kind };
      router.refresh();
    },
    [router],
  );

  return { announcement, refreshFor };
}
