import type { ReactNode } from "react";

/**
 * Swish is paid differently by device: on a phone the page switches to the Swish app ("Öppna
 * Swish"), since a phone cannot scan a QR code on its own screen; on a computer the QR code is
 * scanned with the phone. The phone's words show where the primary pointer is coarse (a touch
 * screen), the computer's everywhere else. Chosen in CSS, not script, so the server's markup is
 * the same for both and nothing changes after hydration; the hidden words are display:none, so
 * a screen reader hears only the shown ones. Either may be left out (words for one device only).
 */
export function SwishByDevice({ phone, computer }: { phone?: ReactNode; computer?: ReactNode }) {
  return (
    <>
      {computer === undefined ? null : (
        <span className="pointer-coarse:hidden" data-swish-device="computer">
          {computer}
        </span>
      )}
      {phone === undefined ? null : (
        <span className="hidden pointer-coarse:inline" data-swish-device="phone">
          {phone}
        </span>
      )}
    </>
  );
}
