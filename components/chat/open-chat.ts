/**
 * Opening the customer's chat from anywhere on the page (the phone's sticky bar, the presence
 * line): one window event the chat listens for, so the page's separate islands need no shared
 * state. The chat brings itself into view and puts the cursor in its text box.
 */
export const OPEN_CHAT_EVENT = "nota:open-chat";

export function openChat(): void {
  window.dispatchEvent(new Event(OPEN_CHAT_EVENT));
}
