import type { CamtDialect } from "@/lib/bank-files/formats/camt054-dialect";
import type { NtryReading } from "@/lib/bank-files/formats/camt054-entries";
import { creditDebit, ore } from "@/lib/bank-files/formats/camt054-fields";
import { check, info } from "@/lib/bank-files/formats/controls";
import type { ControlCheck } from "@/lib/bank-files/formats/types";
import { element, text, type XmlElement } from "@/lib/bank-files/formats/xml-tree";

/**
 * A notification's TxsSummry states how many entries it holds and their sums. Every figure it
 * gives is compared with the entries actually in it (booked or not: the summary describes the
 * message, not what we book); a figure it leaves out is not invented.
 */

function countCheck(name: string, stated: string | undefined, actual: number, what: string) {
  if (stated === undefined) return [];
  const ok = /^\d+$/.test(stated) && Number(stated) === actual;
  return [check(name, ok, `says ${stated}, the notification has ${actual} ${what}`)];
}

function sumCheck(name: string, stated: string | undefined, actualOre: number, what: string) {
  if (stated === undefined) return [];
  const statedOre = ore(stated, name);
  return [
    check(
      name,
      statedOre === actualOre,
      `says ${statedOre} öre, the ${what} add up to ${actualOre} öre`,
    ),
  ];
}

export function summaryControls(
  notification: XmlElement,
  readings: NtryReading[],
  dialect: CamtDialect,
  where: string,
): ControlCheck[] {
  const summary = element(notification, "TxsSummry", where);
  if (!summary) {
    return [
      info(
        `${where}/TxsSummry`,
        "the notification gives no TxsSummry, so there are no control totals to compare",
      ),
    ];
  }
  const path = `${where}/TxsSummry`;
  const credits = readings.filter((reading) => !reading.isDebit);
  const debits = readings.filter((reading) => reading.isDebit);
  const sum = (list: NtryReading[]) =>
    list.reduce((total, reading) => total + reading.amountOre, 0);
  const controls: ControlCheck[] = [];
  const all = element(summary, "TtlNtries", path);
  if (all) {
    const at = `${path}/TtlNtries`;
    controls.push(
      ...countCheck(`${at}/NbOfNtries`, text(all, "NbOfNtries", at), readings.length, "entries"),
    );
    controls.push(...sumCheck(`${at}/Sum`, text(all, "Sum", at), sum(readings), "entries"));
    const net = dialect.netEntries(all, at);
    if (net) {
      const netOre = sum(credits) - sum(debits);
      const statedOre = ore(net.amount, `${at} net amount`);
      const statedDebit = creditDebit(net.creditDebit, `${at} net CdtDbtInd`);
      const ok = statedOre === Math.abs(netOre) && (netOre === 0 || statedDebit === netOre < 0);
      controls.push(
        check(
          `${at}/net`,
          ok,
          `says ${statedOre} öre ${statedDebit ? "DBIT" : "CRDT"}, the entries net ${Math.abs(netOre)} öre ${netOre < 0 ? "DBIT" : "CRDT"}`,
        ),
      );
    }
  }
  for (const [name, list, what] of [
    ["TtlCdtNtries", credits, "credit entries"],
    ["TtlDbtNtries", debits, "debit entries"],
  ] as const) {
    const totals = element(summary, name, path);
    if (!totals) continue;
    const at = `${path}/${name}`;
    controls.push(
      ...countCheck(`${at}/NbOfNtries`, text(totals, "NbOfNtries", at), list.length, what),
    );
    controls.push(...sumCheck(`${at}/Sum`, text(totals, "Sum", at), sum(list), what));
  }
  return controls;
}
