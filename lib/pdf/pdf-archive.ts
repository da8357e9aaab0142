import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import fontkit from "@pdf-lib/fontkit";
import { PDFDocument, PDFHexString, PDFName, PDFString } from "pdf-lib";

/**
 * What makes an invoice PDF an archive document (PDF/A-2b, ISO 19005-2, level B: the look is
 * preserved): every font embedded (DejaVu Sans, which covers Latin, Polish, the Sámi letters and
 * our own signs, subset to the glyphs used), XMP metadata that says what the document is and
 * claims PDF/A-2b, matching the document information dictionary, an sRGB output intent, and a
 * file identifier. Everything is derived from the document, never from the clock or chance, so
 * the same invoice always gives the same bytes.
 */

const FONT_DIR = path.join(process.cwd(), "node_modules", "dejavu-fonts-ttf", "ttf");
const ICC_PROFILE = path.join(process.cwd(), "assets", "pdf", "sRGB.icc");

let cached: { regular: Uint8Array; bold: Uint8Array; icc: Uint8Array } | null = null;
function archiveAssets() {
  cached ??= {
    regular: readFileSync(path.join(FONT_DIR, "DejaVuSans.ttf")),
    bold: readFileSync(path.join(FONT_DIR, "DejaVuSans-Bold.ttf")),
    icc: readFileSync(ICC_PROFILE),
  };
  return cached;
}

export interface ArchiveMetadata {
  title: string;
  author: string;
  subject: string;
  /** BCP 47, e.g. "sv-SE". */
  language: string;
  /** The document's date (the issue date): its creation and modification date. */
  date: Date;
  /** What identifies this document (its id and version): the file identifier is its hash. */
  identity: string;
}

export async function createArchiveDocument() {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  const assets = archiveAssets();
  // Subset tags are fixed (six capitals and "+", as ISO 32000 names a subset), not random.
  const fonts = {
    regular: await doc.embedFont(assets.regular, { subset: true, customName: "NOTAAA+DejaVuSans" }),
    bold: await doc.embedFont(assets.bold, { subset: true, customName: "NOTAAB+DejaVuSans-Bold" }),
  };
  return { doc, fonts };
}

const xml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const PRODUCER = "Nota (pdf-lib)";

/** The XMP packet of a PDF/A-2b document, mirroring the information dictionary. */
export function xmpMetadata(meta: ArchiveMetadata): string {
  const when = meta.date.toISOString().replace(/\.\d{3}Z$/, "Z");
  return `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">${xml(meta.title)}</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>${xml(meta.author)}</rdf:li></rdf:Seq></dc:creator>
   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">${xml(meta.subject)}</rdf:li></rdf:Alt></dc:description>
   <dc:language><rdf:Bag><rdf:li>${xml(meta.language)}</rdf:li></rdf:Bag></dc:language>
   <xmp:CreateDate>${when}</xmp:CreateDate>
   <xmp:ModifyDate>${when}</xmp:ModifyDate>
   <xmp:MetadataDate>${when}</xmp:MetadataDate>
   <xmp:CreatorTool>Nota</xmp:CreatorTool>
   <pdf:Producer>${PRODUCER}</pdf:Producer>
   <pdfaid:part>2</pdfaid:part>
   <pdfaid:conformance>B</pdfaid:conformance>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`;
}

/** Sets the information dictionary, the XMP packet, the output intent and the file identifier. */
export function finishArchiveDocument(doc: PDFDocument, meta: ArchiveMetadata): void {
  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  doc.setAuthor(meta.author);
  doc.setSubject(meta.subject);
  doc.setCreator("Nota");
  doc.setProducer(PRODUCER);
  doc.setLanguage(meta.language);
  doc.setCreationDate(meta.date);
  doc.setModificationDate(meta.date);

  const { context, catalog } = doc;
  const metadata = context.stream(new TextEncoder().encode(xmpMetadata(meta)), {
    Type: "Metadata",
    Subtype: "XML",
  });
  catalog.set(PDFName.of("Metadata"), context.register(metadata));

  const profile = context.flateStream(archiveAssets().icc, { N: 3 });
  const intent = context.obj({
    Type: "OutputIntent",
    S: "GTS_PDFA1",
    OutputConditionIdentifier: PDFString.of("sRGB IEC61966-2.1"),
    Info: PDFString.of("sRGB IEC61966-2.1"),
    RegistryName: PDFString.of("http://www.color.org"),
    DestOutputProfile: context.register(profile),
  });
  catalog.set(PDFName.of("OutputIntents"), context.obj([context.register(intent)]));

  const id = createHash("sha256").update(meta.identity).digest("hex").slice(0, 32);
  context.trailerInfo.ID = context.obj([PDFHexString.of(id), PDFHexString.of(id)]);
}
