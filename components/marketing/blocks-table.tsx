import Link from "next/link";
import type { ConsoleBlock } from "@/lib/content/blocks/console-queries";
import { blockEditorMessages } from "@/lib/content/editor-messages";
import { toStockholmLocal } from "@/lib/dates/stockholm-datetime";
import type { Locale } from "@/lib/db/generated/client";
import { marketingMessages } from "@/lib/i18n/staff/marketing/console";

const when = (date: Date | null) => (date ? toStockholmLocal(date).replace("T", " ") : "–");

const STATUS_STYLE = {
  DRAFT: "bg-slate-200 text-slate-900",
  PUBLISHED: "bg-green-100 text-green-900",
  ARCHIVED: "bg-slate-100 text-slate-600",
} as const;

/** The organisation's blocks with their variants and what customers did so far. */
export function BlocksTable({ blocks, locale }: { blocks: ConsoleBlock[]; locale: Locale }) {
  const t = marketingMessages[locale].table;
  const words = blockEditorMessages[locale];
  if (blocks.length === 0) {
    return <p className="text-slate-700">{t.empty}</p>;
  }
  return (
    <div className="overflow-x-auto rounded-lg bg-white shadow-sm">
      <table className="w-full text-left text-sm" data-testid="content-blocks">
        <thead className="border-b border-slate-200 bg-slate-50">
          <tr>
            <th scope="col" className="p-2">
              {t.name}
            </th>
            <th scope="col" className="p-2">
              {t.kind}
            </th>
            <th scope="col" className="p-2">
              {t.status}
            </th>
            <th scope="col" className="p-2">
              {t.placement}
            </th>
            <th scope="col" className="p-2 text-right">
              {t.priority}
            </th>
            <th scope="col" className="p-2">
              {t.dates}
            </th>
            <th scope="col" className="p-2">
              {t.variants}
            </th>
            <th scope="col" className="p-2">
              <span className="sr-only">{t.links}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {blocks.map((block) => (
            <tr
              key={block.id}
              className="border-b border-slate-100 align-top"
              data-testid="content-block-row"
            >
              <th scope="row" className="p-2 font-medium">
                <Link href={`/marketing/blocks/${block.id}`} className="text-blue-800 underline">
                  {block.name}
                </Link>
                {block.ruleProblem ? (
                  <p
                    role="note"
                    className="mt-1 font-normal text-amber-900"
                    data-testid="rule-problem"
                  >
                    {marketingMessages[locale].ruleProblem}
                    {block.ruleProblem}
                  </p>
                ) : null}
              </th>
              <td className="p-2">{words.kinds[block.kind]}</td>
              <td className="p-2">
                <span
                  className={`rounded px-1.5 py-0.5 text-xs font-semibold ${STATUS_STYLE[block.status]}`}
                >
                  {words.statuses[block.status]}
                </span>
              </td>
              <td className="p-2">{words.slots[block.slot]}</td>
              <td className="p-2 text-right tabular-nums">{block.priority}</td>
              <td className="p-2 whitespace-nowrap">
                {when(block.startsAt)} → {when(block.endsAt)}
              </td>
              <td className="p-2">
                <ul>
                  {block.variants.map((variant) => (
                    <li key={variant.id} className="tabular-nums">
                      {variant.key}: {variant.weight} · {variant.impressions} · {variant.accepts}
                    </li>
                  ))}
                </ul>
              </td>
              <td className="p-2 whitespace-nowrap">
                <Link href={`/marketing/blocks/${block.id}`} className="text-blue-800 underline">
                  {t.edit}
                </Link>{" "}
                ·{" "}
                <Link
                  href={`/marketing/blocks/${block.id}/analytics`}
                  className="text-blue-800 underline"
                >
                  {t.analytics}
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
