/**
 * Script-injection attempts a marketer's content block body might carry (OWASP filter-evasion
 * style), shared by the rich-text unit tests and the invoice page's browser test. None may run,
 * none may become a tag or an attribute, and each must stay visible as text.
 *
 * `visible` is the text a reader sees, when the payload also uses real formatting (bold, a list,
 * a valid link); otherwise it is the source itself, with whitespace runs read as one space and
 * invisible control characters dropped (see `expectedVisibleText`).
 */
export interface XssPayload {
  name: string;
  source: string;
  visible?: string;
}

export const XSS_PAYLOADS: readonly XssPayload[] = [
  // Plain HTML: stays literal text, because no HTML is ever rendered.
  { name: "script tag", source: "<script>alert(1)</script>" },
  { name: "external script", source: "<SCRIPT SRC=https://xss.example/xss.js></SCRIPT>" },
  { name: "split script tag", source: "<scr<script>ipt>alert(1)</scr</script>ipt>" },
  { name: "img onerror", source: "<img src=x onerror=alert(1)>" },
  { name: "img javascript src", source: `<IMG SRC="javascript:alert('XSS');">` },
  { name: "svg onload", source: "<svg onload=alert(1)>" },
  { name: "svg slash onload", source: "<svg/onload=alert(1)//" },
  { name: "script inside svg", source: "<svg><script>alert(1)</script></svg>" },
  { name: "iframe javascript src", source: `<iframe src="javascript:alert(1)"></iframe>` },
  { name: "iframe srcdoc", source: `<iframe srcdoc="<script>alert(1)</script>"></iframe>` },
  { name: "style import", source: "<style>@import 'https://xss.example/x.css';</style>" },
  { name: "style url", source: `<div style="background:url(javascript:alert(1))">x</div>` },
  { name: "anchor javascript href", source: `<a href="javascript:alert(1)">click</a>` },
  { name: "anchor onclick", source: `<a href="https://ok.example" onclick="alert(1)">x</a>` },
  { name: "body onload", source: "<body onload=alert(1)>" },
  { name: "input onfocus", source: "<input autofocus onfocus=alert(1)>" },
  { name: "details ontoggle", source: "<details open ontoggle=alert(1)>" },
  {
    name: "object data url",
    source: `<object data="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">`,
  },
  { name: "embed javascript", source: "<embed src=javascript:alert(1)>" },
  {
    name: "mutation XSS via math/style",
    source: "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
  },
  {
    name: "mutation XSS via noscript",
    source: `<noscript><p title="</noscript><img src=x onerror=alert(1)>">`,
  },
  { name: "attribute breakout", source: `"><script>alert(1)</script>` },
  { name: "single-quote breakout", source: `'><img src=x onerror=alert(1)>` },
  { name: "OWASP locator", source: `'';!--"<XSS>=&{()}` },
  { name: "onafterscriptexecute", source: "<xss onafterscriptexecute=alert(1)><script>1</script>" },
  // Entities are never decoded: they stay as written.
  { name: "named entities", source: "&lt;script&gt;alert(1)&lt;/script&gt;" },
  { name: "numeric entities", source: "&#60;script&#62;alert(1)&#60;/script&#62;" },
  { name: "bare javascript: text", source: "javascript:alert(document.cookie)" },
  // Links with a forbidden or disguised scheme: the whole `[text](target)` stays text.
  { name: "javascript link", source: "[x](javascript:alert(1))" },
  { name: "javascript link after a space", source: "[x]( javascript:alert(1))" },
  { name: "javascript link after spaces and tab", source: "[x](  \t javascript:alert(1))" },
  { name: "mixed-case scheme", source: "[x](JaVaScRiPt:alert(1))" },
  { name: "tab entity in scheme", source: "[x](jav&#x09;ascript:alert(1))" },
  { name: "newline entity in scheme", source: "[x](jav&#x0A;ascript:alert(1))" },
  { name: "decimal entity in scheme", source: "[x](java&#115;cript:alert(1))" },
  {
    name: "fully entity-encoded scheme",
    source: "[x](&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1))",
  },
  { name: "NUL in scheme", source: "[x](java\u0000script:alert(1))" },
  { name: "raw tab in scheme", source: "[x](java\tscript:alert(1))" },
  { name: "raw newline in scheme", source: "[x](java\nscript:alert(1))" },
  { name: "no-break space before scheme", source: "[x](\u00A0javascript:alert(1))" },
  { name: "zero-width space before scheme", source: "[x](\u200Bjavascript:alert(1))" },
  { name: "full-width scheme", source: "[x](ｊａｖａｓｃｒｉｐｔ:alert(1))" },
  {
    name: "javascript with fake https comment",
    source: "[x](javascript://https://ok.example/%0aalert(1))",
  },
  {
    name: "data: text/html link",
    source: "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
  },
  { name: "vbscript link", source: "[x](vbscript:msgbox(1))" },
  { name: "file link", source: "[x](file:///etc/passwd)" },
  { name: "protocol-relative link", source: "[x](//xss.example/x.js)" },
  { name: "UNC-style link", source: "[x](\\\\xss.example\\x)", visible: "[x](\\xss.example\\x)" },
  { name: "https without slashes", source: "[x](https:javascript:alert(1))" },
  { name: "credentials in link", source: "[x](https://ok.example@xss.example)" },
  { name: "bidi override in link", source: "[x](https://ok.example/\u202Egpj.exe)" },
  { name: "angle-bracket target", source: "[x](<javascript:alert(1)>)" },
  { name: "title after target", source: `[x](javascript:alert(1) "https://ok.example")` },
  { name: "reference-style link", source: "[x][1]\n\n[1]: javascript:alert(1)" },
  { name: "image syntax", source: "![x](javascript:alert(1))" },
  // Markdown-in-markdown: nesting tricks and formatting around the payload.
  { name: "link inside link text", source: "[[x](javascript:alert(1))](https://ok.example)" },
  {
    name: "good link followed by javascript parens",
    source: "[x](https://ok.example)(javascript:alert(1))",
    visible: "x(javascript:alert(1))",
  },
  {
    name: "bold inside a javascript link",
    source: "[**x**](javascript:alert(1))",
    visible: "[x](javascript:alert(1))",
  },
  {
    name: "quote breakout inside an allowed link",
    source: `[x](https://ok.example/"onmouseover="alert(1))`,
    visible: "x",
  },
  {
    name: "markup inside an allowed link target",
    source: "[x](https://ok.example/</a><script>alert(1)</script>)",
    visible: "x",
  },
  {
    name: "script in a mailto target",
    source: "[x](mailto:<script>alert(1)</script>)",
    visible: "x",
  },
  {
    name: "img inside bold",
    source: "**<img src=x onerror=alert(1)>**",
    visible: "<img src=x onerror=alert(1)>",
  },
  {
    name: "svg inside italic",
    source: "_<svg/onload=alert(1)>_",
    visible: "<svg/onload=alert(1)>",
  },
  {
    name: "script as a list item",
    source: "- <script>alert(1)</script>",
    visible: "<script>alert(1)</script>",
  },
  {
    name: "img as a heading",
    source: "### <img src=x onerror=alert(1)>",
    visible: "<img src=x onerror=alert(1)>",
  },
  // Strings that look like code to other template systems.
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the payload is this literal text
  { name: "template literal", source: "`${alert(document.cookie)}`" },
  { name: "JSX expression", source: `{<img src="x" onError={alert} />}` },
  { name: "JSX spread", source: "<div {...{ onClick: alert }} />" },
  { name: "template injection", source: "{{constructor.constructor('alert(1)')()}}" },
];

/** What a reader should see: whitespace runs as one space, invisible controls gone. */
export function expectedVisibleText(payload: XssPayload): string {
  return normalizeVisibleText(payload.visible ?? payload.source);
}

export function normalizeVisibleText(text: string): string {
  let visible = "";
  for (const character of text) {
    const code = character.charCodeAt(0);
    if (code >= 32 && code !== 127) visible += character;
    else if (code === 9 || code === 10 || code === 13) visible += " ";
  }
  return visible.replace(/\s+/g, " ").trim();
}
