import DOMPurify from 'dompurify';
import MarkdownIt from 'markdown-it';

/**
 * Model output is untrusted: markdown-it with raw HTML off turns it into HTML, DOMPurify removes
 * anything executable that slipped through (links with script URLs, odd attributes), and only then
 * does it reach the DOM. Code blocks get "Copy" / "Insert at Cursor" buttons added afterwards, as
 * DOM nodes we create ourselves, so the sanitiser never has to allow buttons.
 */
const md = new MarkdownIt({ html: false, linkify: true, breaks: false, typographer: false });

const PURIFY_CONFIG = {
  RETURN_DOM_FRAGMENT: true as const,
  FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'iframe'],
  FORBID_ATTR: ['style', 'id', 'tabindex'],
};

export function renderMarkdown(text: string, doc: Document = document): DocumentFragment {
  const fragment = DOMPurify.sanitize(md.render(text), PURIFY_CONFIG);
  for (const pre of Array.from(fragment.querySelectorAll('pre'))) {
    const code = pre.querySelector('code');
    if (code) wrapCodeBlock(pre, doc);
  }
  return fragment;
}

function wrapCodeBlock(pre: HTMLPreElement, doc: Document): void {
  const block = doc.createElement('div');
  block.className = 'code-block';
  const bar = doc.createElement('div');
  bar.className = 'code-actions';
  bar.append(
    codeButton(doc, 'copy', 'Copy', 'Copy code to the clipboard'),
    codeButton(doc, 'insert', 'Insert at Cursor', 'Insert code at the cursor in the active editor'),
  );
  pre.replaceWith(block);
  block.append(bar, pre);
}

function codeButton(doc: Document, action: 'copy' | 'insert', label: string, ariaLabel: string): HTMLButtonElement {
  const button = doc.createElement('button');
  button.type = 'button';
  button.className = `code-${action} secondary`;
  button.dataset.action = action;
  button.textContent = label;
  button.title = ariaLabel;
  button.setAttribute('aria-label', ariaLabel);
  return button;
}
