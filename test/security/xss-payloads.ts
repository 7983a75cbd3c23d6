/**
 * The payloads of the standing XSS suite, written for Coffeehouse. Each one, if a page or an
 * export ever ran it, calls `__xss(<its id>)`: test/security/xss-watch.ts records that call in
 * Chromium, so a payload that fires is named, not just noticed. (Under the app's CSP an inline
 * handler is blocked before it can call anything; the watch records that violation too.)
 *
 * No payload starts or ends with whitespace: the API trims titles, names and reasons, and a
 * test compares what it sent with what a page shows.
 */
import { isAllowedHref } from '../../model/schema/link-href'

export interface XssPayload {
  readonly id: number
  /** What trick it tries, for reading a failure. */
  readonly family: string
  readonly text: string
}

type Make = (fire: string) => string

/** A base64 copy of the call, for payloads that decode their own script. */
const base64 = (text: string) => Buffer.from(text).toString('base64')

const FAMILIES: ReadonlyArray<readonly [string, readonly Make[]]> = [
  ['script tag', [
    (f) => `<script>${f}</script>`,
    (f) => `<SCRIPT>${f}</SCRIPT>`,
    (f) => `<ScRiPt type="module">${f}</sCrIpT>`,
    (f) => `<script src="data:text/javascript,${f}"></script>`,
    (f) => `<scr<script>ipt>${f}</scr</script>ipt>`,
    (f) => `<script>/*</script>*/${f}</script>`,
    (f) => `<svg><script>${f}</script></svg>`,
    (f) => `<script>eval(atob('${base64(f)}'))</script>`,
  ]],
  ['event handler', [
    (f) => `<img src=x onerror=${f}>`,
    (f) => `<IMG SRC=x OnErRoR=${f}>`,
    (f) => `<img src="x" onerror='${f}'>`,
    (f) => `<img/src=x/onerror=${f}>`,
    (f) => `<img src=x\nonerror=${f}>`,
    (f) => `<img src=x\u000conerror=${f}>`,
    (f) => `<img src=x onerror=&#95;&#95;xss&#40;${f.slice(6, -1)}&#41;>`,
    (f) => `<img src=x onerror=eval(atob('${base64(f)}'))>`,
    (f) => `<img srcset=",,x" onerror=${f}>`,
    (f) => `<svg onload=${f}>`,
    (f) => `<svg/onload=${f}>`,
    (f) => `<svg><animate onbegin=${f} attributeName=x dur=1s>`,
    (f) => `<svg><set attributeName=onmouseover to=${f}>`,
    (f) => `<math><mtext><img src=x onerror=${f}>`,
    (f) => `<body onload=${f}>`,
    (f) => `<details open ontoggle=${f}>`,
    (f) => `<video src=x onerror=${f}>`,
    (f) => `<audio src=x onerror=${f}>`,
    (f) => `<input autofocus onfocus=${f}>`,
    (f) => `<select autofocus onfocus=${f}>`,
    (f) => `<textarea autofocus onfocus=${f}>`,
    (f) => `<marquee onstart=${f}>`,
    (f) => `<xss id=x tabindex=1 autofocus onfocus=${f}>`,
    (f) => `<div onmouseover=${f}>hover me</div>`,
    (f) => `<dialog open onclose=${f}>`,
    (f) => `<style onload=${f}></style>`,
  ]],
  ['attribute breakout', [
    (f) => `"><script>${f}</script>`,
    (f) => `'><img src=x onerror=${f}>`,
    (f) => `"><svg onload=${f}>`,
    (f) => `" onmouseover="${f}`,
    (f) => `' onmouseover='${f}`,
    (f) => `" autofocus onfocus="${f}`,
    (f) => `\`><svg onload=${f}>`,
    (f) => `"/><img src=x onerror=${f}>`,
    (f) => `x" href="javascript:${f}`,
    (f) => `" style="background:url(javascript:${f})`,
    (f) => `</textarea><script>${f}</script>`,
    (f) => `</style><script>${f}</script>`,
    (f) => `</title><script>${f}</script>`,
    (f) => `--><svg onload=${f}>`,
    (f) => `<!--<img src="--><img src=x onerror=${f}//">`,
    (f) => `<noscript><p title="</noscript><img src=x onerror=${f}>">`,
  ]],
  ['javascript, data and vbscript URL', [
    (f) => `javascript:${f}`,
    (f) => `JavaScript:${f}`,
    (f) => `JAVASCRIPT:${f}`,
    (f) => `java\tscript:${f}`,
    (f) => `java\nscript:${f}`,
    (f) => `java\rscript:${f}`,
    (f) => `\u0001javascript:${f}`,
    (f) => `javascript&colon;${f}`,
    (f) => `&#106;avascript:${f}`,
    (f) => `&#x6A;&#x61;vascript:${f}`,
    (f) => `&#0000106&#0000097vascript:${f}`,
    (f) => `jav&#x09;ascript:${f}`,
    (f) => `javascript://%0a${f}`,
    (f) => `javascript:void(0);${f}`,
    (f) => `javascript\u200b:${f}`,
    (f) => `data:text/html,<script>${f}</script>`,
    (f) => `data:text/html;base64,${base64(`<script>${f}</script>`)}`,
    (f) => `DATA:text/html,<svg onload=${f}>`,
    (f) => `vbscript:${f}`,
    (f) => `VBScript:msgbox(${f})`,
  ]],
  ['element pointing at a script URL', [
    (f) => `<a href="javascript:${f}">click</a>`,
    (f) => `<a href=" &#14; javascript:${f}">click</a>`,
    (f) => `<iframe src="javascript:${f}">`,
    (f) => `<iframe srcdoc="<script>parent.${f}</script>">`,
    (f) => `<iframe srcdoc="&lt;img src=x onerror=parent.${f}&gt;">`,
    (f) => `<iframe src="data:text/html,<script>parent.${f}</script>">`,
    (f) => `<object data="javascript:${f}">`,
    (f) => `<embed src="javascript:${f}">`,
    (f) => `<form><button formaction=javascript:${f}>go</button></form>`,
    (f) => `<base href="javascript:${f}//">`,
    (f) => `<meta http-equiv="refresh" content="0;url=javascript:${f}">`,
  ]],
  ['markdown and template injection', [
    (f) => `[x](javascript:${f})`,
    (f) => `[x](JaVaScRiPt:${f})`,
    (f) => `[x](<javascript:${f}>)`,
    (f) => `![x](x" onerror="${f})`,
    (f) => `<javascript:${f}>`,
    (f) => `[x]: javascript:${f}`,
    (f) => `[x](data:text/html,<script>${f}</script>)`,
    (f) => `**<img src=x onerror=${f}>**`,
    (f) => `\`<img src=x onerror=${f}>\``,
    (f) => `{{constructor.constructor('${f}')()}}`,
    (f) => `\${${f}}`,
    (f) => `<%= ${f} %>`,
    (f) => `#{${f}}`,
  ]],
  ['CSS', [
    (f) => `<div style="background:url(javascript:${f})">x</div>`,
    (f) => `<div style="width:expression(${f})">x</div>`,
    (f) => `<style>@import 'javascript:${f}';</style>`,
    (f) => `<style>*{background:url("javascript:${f}")}</style>`,
    (f) => `<link rel=stylesheet href="javascript:${f}">`,
  ]],
  ['XML and Atom breakout', [
    (f) => `]]><script>${f}</script>`,
    (f) => `<![CDATA[<script>${f}</script>]]>`,
    (f) => `</content><script xmlns="http://www.w3.org/1999/xhtml">${f}</script>`,
    (f) => `</title><content type="html">&lt;img src=x onerror=${f}&gt;</content>`,
    (f) => `</entry><entry><title>forged ${f}</title>`,
    (f) => `<?xml-stylesheet href="javascript:${f}"?>`,
    (f) => `<!ENTITY x "${f}">&x;`,
    (f) => `&lt;script&gt;${f}&lt;/script&gt;`,
    (f) => `&amp;lt;img src=x onerror=${f}&amp;gt;`,
    (f) => `\u0001\u001b<img src=x onerror=${f}>`,
  ]],
  ['unicode trick', [
    (f) => `＜script＞${f}＜/script＞`,
    (f) => `\u202e>tpircs/<${f}>tpircs<`,
    (f) => `<scr\u200bipt>${f}</scr\u200bipt>`,
    (f) => `<\ufeffscript>${f}</script>`,
    (f) => `\\u003cscript\\u003e${f}\\u003c/script\\u003e`,
    (f) => `\\x3cimg src=x onerror=${f}\\x3e`,
    (f) => `%3Cscript%3E${f}%3C/script%3E`,
    (f) => `😀<svg onload=${f}>😀`,
    (f) => `"}]}</script><script>${f}</script>`,
  ]],
  ['link address breakout', [
    (f) => `https://example.org/a) <img src=x onerror=${f}>`,
    (f) => `https://example.org/a)[y](javascript:${f})`,
    (f) => `mailto:a@example.org>"<img src=x onerror=${f}>`,
    (f) => `//example.org" onclick="${f}`,
  ]],
]

/** Every payload, numbered from 1. */
export const PAYLOADS: readonly XssPayload[] = FAMILIES.flatMap(([family, makers]) => makers.map((make) => ({ family, make }))).map(
  ({ family, make }, index) => ({ id: index + 1, family, text: make(`__xss(${index + 1})`) }),
)

/** 60 characters: the most a display name may have (server/http/auth.ts). */
export const NAME_PAYLOADS = PAYLOADS.filter((payload) => payload.text.length <= 60)

/** Payloads that are, or try to smuggle in, a link's address: the ones to put in an href. */
export const LINK_PAYLOADS = PAYLOADS.filter(
  (payload) => payload.family === 'javascript, data and vbscript URL' || payload.family === 'link address breakout' || payload.family === 'attribute breakout',
)

/**
 * The link payloads the server stores as links: web and email addresses that try to break out
 * of the markup around them. The rest (javascript:, data:, relative addresses, ...) the
 * server refuses before storing (server/documents/document-shape.ts).
 */
export const ACCEPTED_LINK_PAYLOADS = LINK_PAYLOADS.filter((payload) => isAllowedHref(payload.text))
export const REFUSED_LINK_PAYLOADS = LINK_PAYLOADS.filter((payload) => !isAllowedHref(payload.text))
