// The demo's HTML page: the final status card as the Slack and Discord stand-ins received it, and
// the job summary, so a reader sees in a browser what people would see in the chat and on the run
// page. Everything that came from the run is escaped: the page shows text, it never runs it.

const STYLE = `
body { font: 15px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 72rem; padding: 0 1rem;
  color: #1d1c1d; }
h1 { font-size: 1.6rem; margin-bottom: 0.2rem; }
.note { background: #fff8e1; border: 1px solid #f0d78c; border-radius: 6px; padding: 0.6rem 0.9rem; }
.cards { display: flex; flex-wrap: wrap; gap: 1.5rem; align-items: flex-start; }
.cards > section { flex: 1 1 28rem; }
.slack, .discord { border-left: 4px solid var(--colour); border-radius: 4px; padding: 0.6rem 0.9rem; }
.slack { background: #fff; box-shadow: 0 0 0 1px #ddd; }
.slack .fields { display: grid; grid-template-columns: 1fr 1fr; gap: 0.4rem 1rem; margin: 0.4rem 0; }
.slack .context { color: #616061; font-size: 0.85rem; }
.slack .plain, .discord .description { white-space: pre-wrap; }
.discord { background: #2b2d31; color: #dbdee1; }
.discord a { color: #00a8fc; }
.discord .title { font-weight: 600; color: #fff; }
.discord .fields { display: grid; grid-template-columns: repeat(3, 1fr); gap: 0.4rem 1rem;
  margin: 0.5rem 0; }
.discord .field.wide { grid-column: 1 / -1; }
.discord .name { font-weight: 600; color: #fff; font-size: 0.85rem; }
.discord .footer { color: #b5bac1; font-size: 0.8rem; }
.dm { color: #616061; font-size: 0.9rem; }
.summary { border: 1px solid #d0d7de; border-radius: 6px; padding: 0 1.2rem 1rem; margin-top: 2rem; }
.summary table { border-collapse: collapse; margin: 0.5rem 0 1rem; font-size: 0.85rem; }
.summary th, .summary td { border: 1px solid #d0d7de; padding: 0.25rem 0.6rem; text-align: left;
  vertical-align: top; }
.summary pre { background: #f6f8fa; padding: 0.7rem; overflow-x: auto; font-size: 0.85rem; }
.summary code { background: #eff1f3; padding: 0 0.2rem; border-radius: 3px; }
.summary pre code { background: none; padding: 0; }
.mermaid-note { color: #57606a; font-size: 0.85rem; margin-bottom: 0; }
`

/**
 * @param {object} page
 * @param {string} page.title
 * @param {string[]} page.notice lines of plain text shown first: what is real and what is not
 * @param {string[]} page.facts lines of plain text: what happened, where
 * @param {{blocks?: unknown, attachments?: unknown, text?: string} | undefined} page.slack
 * @param {{title?: string, description?: string, color?: number, fields?: {name: string, value: string, inline?: boolean}[], footer?: {text: string}} | undefined} page.discord
 * @param {string | undefined} page.directMessage the Slack DM's text, as sent
 * @param {string} page.summary the job summary (Markdown)
 */
export function renderPage(page) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(page.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${escapeHtml(page.title)}</h1>
<p class="note">${page.notice.map(escapeHtml).join('<br>')}</p>
<ul>${page.facts.map(fact => `<li>${escapeHtml(fact)}</li>`).join('')}</ul>
<h2>Status card</h2>
<div class="cards">
<section><h3>Slack (chat.postMessage, then chat.update)</h3>
${page.slack ? slackCard(page.slack) : '<p>No card reached the Slack stand-in.</p>'}
${page.directMessage ? `<p class="dm">Direct message: ${slackText(page.directMessage)}</p>` : ''}
</section>
<section><h3>Discord (webhook, then edits)</h3>
${page.discord ? discordEmbed(page.discord) : '<p>No card reached the Discord stand-in.</p>'}
</section>
</div>
<section class="summary">
<h2>Job summary</h2>
${markdownToHtml(page.summary)}
</section>
</body>
</html>
`
}

export function escapeHtml(text) {
  return String(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
}

/** Only web links become links; anything else (javascript:, data:) stays text. */
function link(url, labelHtml) {
  if (!/^https?:\/\//i.test(url)) return labelHtml
  return `<a href="${escapeHtml(url)}">${labelHtml}</a>`
}

function colour(value, fallback) {
  if (typeof value === 'number') return `#${value.toString(16).padStart(6, '0').slice(-6)}`
  return typeof value === 'string' && /^#[0-9a-f]{6}$/i.test(value) ? value : fallback
}

// ---------------------------------------------------------------------------------------- Slack

/** The card as Slack lays it out: one attachment (its colour bar) holding Block Kit blocks. */
function slackCard(message) {
  const attachment = Array.isArray(message.attachments) ? message.attachments[0] : undefined
  const blocks = [
    ...(Array.isArray(message.blocks) ? message.blocks : []),
    ...(Array.isArray(attachment?.blocks) ? attachment.blocks : [])
  ]
  const body = blocks.length > 0 ? blocks.map(slackBlock).join('\n') : slackText(message.text ?? '')
  return `<div class="slack" style="--colour: ${colour(attachment?.color, '#ddd')}">\n${body}\n</div>`
}

function slackBlock(block) {
  const text = item =>
    item?.type === 'plain_text'
      ? `<span class="plain">${escapeHtml(item.text ?? '')}</span>`
      : slackText(item?.text ?? '')
  switch (block?.type) {
    case 'section': {
      const fields = Array.isArray(block.fields)
        ? `<div class="fields">${block.fields.map(f => `<div>${text(f)}</div>`).join('')}</div>`
        : ''
      return `${block.text ? `<div>${text(block.text)}</div>` : ''}${fields}`
    }
    case 'context':
      return `<div class="context">${(block.elements ?? []).map(text).join(' ')}</div>`
    case 'divider':
      return '<hr>'
    default:
      return ''
  }
}

/**
 * Slack mrkdwn: `*bold*`, `_italic_`, `` `code` ``, `<url|label>` links, and only &, < and >
 * escaped (as &amp; &lt; &gt;), so a `<` is always the start of a link.
 */
export function slackText(text) {
  const unescape = s => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')
  const parts = String(text).split(/<([^<>|]+)\|([^<>]*)>/)
  let html = ''
  for (let i = 0; i < parts.length; i += 3) {
    html += slackEmphasis(escapeHtml(unescape(parts[i])))
    if (i + 2 < parts.length) {
      html += link(unescape(parts[i + 1]), slackEmphasis(escapeHtml(unescape(parts[i + 2]))))
    }
  }
  return html.replace(/\n/g, '<br>')
}

function slackEmphasis(html) {
  return html
    .replace(/`([^`\n]+)`/g, '<code>$1</code>')
    .replace(/(^|[\s(])\*([^*\n]+)\*(?=$|[\s).,:;!?])/g, '$1<strong>$2</strong>')
    .replace(/(^|[\s(])_([^_\n]+)_(?=$|[\s).,:;!?])/g, '$1<em>$2</em>')
}

// -------------------------------------------------------------------------------------- Discord

/** The embed as Discord lays it out: colour bar, title, description, inline fields, footer. */
function discordEmbed(embed) {
  const title = embed.title ? escapeHtml(embed.title) : ''
  const fields = (embed.fields ?? [])
    .map(
      f =>
        `<div class="field${f.inline ? '' : ' wide'}"><div class="name">${discordText(f.name)}</div>` +
        `<div>${discordText(f.value)}</div></div>`
    )
    .join('')
  return [
    `<div class="discord" style="--colour: ${colour(embed.color, '#1e1f22')}">`,
    `<div class="title">${embed.url ? link(embed.url, title) : title}</div>`,
    `<div class="description">${discordText(embed.description ?? '')}</div>`,
    `<div class="fields">${fields}</div>`,
    embed.footer?.text ? `<div class="footer">${escapeHtml(embed.footer.text)}</div>` : '',
    '</div>'
  ].join('\n')
}

/** Discord markdown as the card uses it: backslash escapes, `**bold**`, `[label](url)`. */
export function discordText(text) {
  const source = String(text)
  let html = ''
  let bold = false
  for (let i = 0; i < source.length; i++) {
    const char = source[i]
    if (char === '\\' && i + 1 < source.length) {
      html += escapeHtml(source[++i])
    } else if (source.startsWith('**', i)) {
      html += bold ? '</strong>' : '<strong>'
      bold = !bold
      i++
    } else if (char === '[') {
      const match = /^\[((?:\\.|[^\]\\])*)\]\(([^()\s]+)\)/.exec(source.slice(i))
      if (match) {
        html += link(match[2], discordText(match[1]))
        i += match[0].length - 1
      } else html += '['
    } else {
      html += escapeHtml(char)
    }
  }
  return bold ? `${html}</strong>` : html
}

// ------------------------------------------------------------------------------------- Markdown

/**
 * The Markdown the job summary is written in, as GitHub shows it: headings, pipe tables, fenced
 * code blocks, lists and paragraphs; inline code, bold, links and bare URLs. A Mermaid block is
 * kept as its source (GitHub draws it; this page does not load Mermaid).
 */
export function markdownToHtml(markdown) {
  const lines = String(markdown).replace(/\r\n?/g, '\n').split('\n')
  const out = []
  let paragraph = []
  const flush = () => {
    if (paragraph.length > 0) out.push(`<p>${paragraph.map(inline).join('<br>\n')}</p>`)
    paragraph = []
  }
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]
    const fence = /^\s*(`{3,}|~{3,})\s*([\w-]*)/.exec(line)
    if (fence) {
      flush()
      const end = lines.findIndex((l, j) => j > i && l.trim().startsWith(fence[1]))
      const stop = end < 0 ? lines.length : end
      const code = escapeHtml(lines.slice(i + 1, stop).join('\n'))
      if (fence[2] === 'mermaid') {
        out.push(
          '<p class="mermaid-note">A Mermaid chart: GitHub draws it in the job summary; here is its source.</p>',
          `<pre class="mermaid">${code}</pre>`
        )
      } else {
        const language = fence[2] ? ` class="language-${escapeHtml(fence[2])}"` : ''
        out.push(`<pre><code${language}>${code}</code></pre>`)
      }
      i = stop
      continue
    }
    const heading = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line)
    if (heading) {
      flush()
      const level = heading[1].length
      out.push(`<h${level}>${inline(heading[2])}</h${level}>`)
      continue
    }
    if (line.trim().startsWith('|') && isTableSeparator(lines[i + 1])) {
      flush()
      const rows = []
      let j = i + 2
      while (j < lines.length && lines[j].trim().startsWith('|')) rows.push(lines[j++])
      out.push(table(line, rows))
      i = j - 1
      continue
    }
    const item = /^\s*([-*+]|\d+[.)])\s+(.*)$/.exec(line)
    if (item) {
      flush()
      const ordered = /\d/.test(item[1])
      const items = []
      let j = i
      for (; j < lines.length; j++) {
        const next = /^\s*([-*+]|\d+[.)])\s+(.*)$/.exec(lines[j])
        if (!next || /\d/.test(next[1]) !== ordered) break
        items.push(`<li>${inline(next[2])}</li>`)
      }
      out.push(ordered ? `<ol>${items.join('')}</ol>` : `<ul>${items.join('')}</ul>`)
      i = j - 1
      continue
    }
    if (line.trim() === '') flush()
    else paragraph.push(line.trim())
  }
  flush()
  return out.join('\n')
}

function isTableSeparator(line) {
  return line !== undefined && /^\s*\|?(\s*:?-{3,}:?\s*\|)+\s*(:?-{3,}:?\s*)?$/.test(line)
}

/** Cells split on pipes that are not escaped (`\|` is a pipe inside a cell). */
function cells(row) {
  const trimmed = row
    .trim()
    .replace(/^\|/, '')
    .replace(/(?<!\\)\|$/, '')
  return trimmed.split(/(?<!\\)\|/).map(cell => cell.trim().replace(/\\\|/g, '|'))
}

function table(header, rows) {
  const head = cells(header)
    .map(cell => `<th>${inline(cell)}</th>`)
    .join('')
  const body = rows
    .map(
      row =>
        `<tr>${cells(row)
          .map(cell => `<td>${inline(cell)}</td>`)
          .join('')}</tr>`
    )
    .join('\n')
  return `<table>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>`
}

/**
 * Inline Markdown: code spans first (nothing inside them is markup), then backslash escapes,
 * links, bare URLs, bold and italics. Pieces already turned into HTML are set aside as numbered
 * placeholders so that later rules cannot reach into them.
 */
export function inline(text) {
  const kept = []
  const keep = html => `\uE000${kept.push(html) - 1}\uE000`
  let s = String(text)
    .replace(/\uE000/g, '')
    .replace(/(`+)([\s\S]*?[^`])\1(?!`)/g, (_, __, code) =>
      keep(`<code>${escapeHtml(code.trim())}</code>`)
    )
    .replace(/\\([\\`*_{}[\]()#+\-.!|<>~])/g, (_, char) => keep(escapeHtml(char)))
    .replace(/\[([^\]]+)\]\(([^()\s]+)\)/g, (_, label, url) => keep(link(url, escapeHtml(label))))
    .replace(/\bhttps?:\/\/[^\s<>|]+[^\s<>|.,;:!?)]/g, url => keep(link(url, escapeHtml(url))))
  s = escapeHtml(s)
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
    .replace(/(^|[\s(])\*([^*\s][^*]*)\*(?=$|[\s).,:;!?])/g, '$1<em>$2</em>')
  // A link's label may hold a code span: its placeholder is inside a placeholder.
  while (/\uE000\d+\uE000/.test(s)) s = s.replace(/\uE000(\d+)\uE000/g, (_, n) => kept[Number(n)])
  return s
}
