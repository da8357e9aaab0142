import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { resolveInvoiceLink } from "@/lib/invoice-page/page-request";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Nota", template: "%s · Nota" },
  description: "Your invoice as a personal web page",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#ffffff" };

const INVOICE_PATH = /^\/i\/([A-Za-z0-9_-]{1,200})(?:\/n\/([1-9]\d{0,8}))?\/?$/;

/**
 * The page language belongs on <html>: an invoice page is in its customer's language (or the one
 * they chose); the consoles are in English. proxy.ts passes the path of invoice pages along.
 */
async function documentLanguage(): Promise<string> {
  const path = (await headers()).get("x-nota-pathname");
  const match = path ? INVOICE_PATH.exec(path) : null;
  if (!match) return path?.startsWith("/i/") ? "sv" : "en";
  const request = await resolveInvoiceLink(match[1]!, match[2] ? Number(match[2]) : undefined);
  return request?.locale ?? "sv";
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang={await documentLanguage()}>
      <body className="min-h-screen bg-slate-100 font-sans text-slate-900 antialiased">
        {children}
      </body>
    </html>
  );
}
