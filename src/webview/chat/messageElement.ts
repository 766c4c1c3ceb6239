import { describeReferences } from '../../shared/describeReferences';
import { formatAnswerFooter, formatModelBadge, formatModelBadgeTitle } from '../../shared/formatModelBadge';
import { isOpenableReferenceUri } from '../../shared/isOpenableReferenceUri';
import { assertNever, type TranscriptMessage, type UiNotice, type UiReference } from '../../shared/protocol';
import { renderMarkdown } from './renderMarkdown';

type AssistantMessage = Extract<TranscriptMessage, { role: 'assistant' }>;

/**
 * Builds and refreshes the DOM of one transcript entry. Only model markdown goes through the
 * sanitiser; everything else is set as text, never as HTML.
 *
 * An answer reads top to bottom in the order @jarvis shows the same information: badge (model,
 * local/cloud, why), what it used, notices, the answer, the usage/cost footer.
 */
export function createMessageElement(message: TranscriptMessage, doc: Document = document): HTMLElement {
  const el = doc.createElement('article');
  el.className = `message ${message.role}`;
  el.dataset.id = message.id;
  const header = doc.createElement('div');
  header.className = 'message-header';
  const role = doc.createElement('span');
  role.className = 'role';
  header.append(role);
  el.append(header);
  switch (message.role) {
    case 'user':
      role.textContent = 'You';
      el.append(part(doc, 'div', 'message-body plain'));
      break;
    case 'assistant': {
      role.textContent = 'Jarvis';
      header.append(part(doc, 'span', 'model-badge'));
      const references = part(doc, 'details', 'references');
      references.append(part(doc, 'summary', 'references-summary'), part(doc, 'ul', 'references-list'));
      const replaced = part(doc, 'details', 'replaced');
      replaced.append(part(doc, 'summary', 'replaced-summary'), part(doc, 'div', 'replaced-body'));
      el.append(
        references,
        part(doc, 'div', 'notices'),
        replaced,
        part(doc, 'div', 'progress'),
        part(doc, 'div', 'message-body markdown'),
        part(doc, 'div', 'message-footer'),
      );
      break;
    }
    case 'error':
      role.textContent = 'Problem';
      el.setAttribute('aria-label', 'Error');
      el.append(part(doc, 'div', 'message-body plain'), part(doc, 'div', 'actions'));
      break;
    default:
      assertNever(message, 'message');
  }
  updateMessageElement(el, message, doc);
  return el;
}

export function updateMessageElement(el: HTMLElement, message: TranscriptMessage, doc: Document = document): void {
  const body = el.querySelector<HTMLElement>('.message-body')!;
  switch (message.role) {
    case 'user':
      body.textContent = message.text;
      break;
    case 'assistant':
      updateAssistant(el, body, message, doc);
      break;
    case 'error': {
      body.textContent = message.message;
      const actions = el.querySelector<HTMLElement>('.actions')!;
      actions.replaceChildren(...message.actions.map((action, index) => actionButton(doc, action.title, { action: 'run-action', index: String(index) })));
      actions.hidden = message.actions.length === 0;
      break;
    }
    default:
      assertNever(message, 'message');
  }
}

function updateAssistant(el: HTMLElement, body: HTMLElement, message: AssistantMessage, doc: Document): void {
  const streaming = message.status === 'streaming';
  el.setAttribute('aria-busy', String(streaming));
  el.classList.toggle('streaming', streaming);
  const badge = el.querySelector<HTMLElement>('.model-badge')!;
  badge.textContent = formatModelBadge(message.model, message.status);
  badge.title = formatModelBadgeTitle(message.model, message.stats);
  badge.hidden = badge.textContent === '';
  badge.classList.toggle('cloud', message.model?.local === false);
  updateReferences(el.querySelector<HTMLDetailsElement>('.references')!, message.references ?? [], doc);
  updateNotices(el.querySelector<HTMLElement>('.notices')!, message.notices ?? [], doc);
  updateReplaced(el.querySelector<HTMLDetailsElement>('.replaced')!, message.replaced, doc);
  const progress = el.querySelector<HTMLElement>('.progress')!;
  const waiting = streaming && message.text === '';
  progress.textContent = waiting ? (message.progress ?? 'Thinking…') : '';
  progress.hidden = !waiting;
  body.replaceChildren(renderMarkdown(message.text, doc));
  const footer = el.querySelector<HTMLElement>('.message-footer')!;
  footer.textContent = formatAnswerFooter(message.stats);
  footer.hidden = footer.textContent === '';
}

/**
 * An escalated local answer, folded: "local answer replaced: repeats itself — show it". The
 * element stays across updates, so a reader who opened it keeps it open while the answer streams.
 */
function updateReplaced(details: HTMLDetailsElement, replaced: AssistantMessage['replaced'], doc: Document): void {
  details.hidden = replaced === undefined;
  if (!replaced) return;
  const summary = details.querySelector<HTMLElement>('.replaced-summary')!;
  const label = `${replaced.note} — show it`;
  if (summary.textContent !== label) summary.textContent = label;
  const body = details.querySelector<HTMLElement>('.replaced-body')!;
  if (body.dataset.text !== replaced.text) {
    body.dataset.text = replaced.text;
    body.replaceChildren(renderMarkdown(replaced.text, doc));
  }
}

/**
 * "Used 3 memories" that expands to the list. The <details> element is kept across updates (only
 * its content changes, and only when the list grew), so it stays open while an answer streams.
 */
function updateReferences(details: HTMLDetailsElement, references: readonly UiReference[], doc: Document): void {
  details.hidden = references.length === 0;
  const list = details.querySelector<HTMLElement>('.references-list')!;
  if (list.childElementCount === references.length) return;
  details.querySelector<HTMLElement>('.references-summary')!.textContent = describeReferences(references);
  list.replaceChildren(
    ...references.map((ref, index) => {
      const item = doc.createElement('li');
      let label: HTMLElement;
      if (ref.uri !== undefined && isOpenableReferenceUri(ref.uri)) {
        const button = doc.createElement('button');
        button.type = 'button';
        button.className = 'reference-link';
        button.dataset.action = 'open-reference';
        button.dataset.index = String(index);
        button.title = `Open ${ref.title}`;
        label = button;
      } else {
        label = doc.createElement('span');
        label.className = 'reference-title';
      }
      label.textContent = ref.title;
      item.append(label);
      if (ref.detail) {
        const detail = doc.createElement('span');
        detail.className = 'reference-detail';
        detail.textContent = ref.detail;
        item.append(' ', detail);
      }
      return item;
    }),
  );
}

function updateNotices(container: HTMLElement, notices: readonly UiNotice[], doc: Document): void {
  container.hidden = notices.length === 0;
  if (container.childElementCount === notices.length) return;
  container.replaceChildren(
    ...notices.map((notice, noticeIndex) => {
      const banner = doc.createElement('div');
      banner.className = `notice-banner ${notice.level}`;
      // role=note: informative, not an interruption; the level is also spoken, not only coloured.
      banner.setAttribute('role', 'note');
      const label = doc.createElement('span');
      label.className = 'visually-hidden';
      label.textContent = notice.level === 'warning' ? 'Warning: ' : 'Note: ';
      banner.append(label, notice.message);
      if (notice.actions?.length) {
        const actions = part(doc, 'div', 'actions');
        actions.append(
          ...notice.actions.map((action, index) =>
            actionButton(doc, action.title, { action: 'run-notice-action', notice: String(noticeIndex), index: String(index) }),
          ),
        );
        banner.append(actions);
      }
      return banner;
    }),
  );
}

/** A button the click handler recognises by its data-* attributes (which action of which message). */
function actionButton(doc: Document, title: string, data: Record<string, string>): HTMLButtonElement {
  const button = doc.createElement('button');
  button.type = 'button';
  // Secondary: an answer's or notice's actions must not outshine the composer's Send.
  button.className = 'action secondary';
  Object.assign(button.dataset, data);
  button.textContent = title;
  return button;
}

function part(doc: Document, tag: string, className: string): HTMLElement {
  const el = doc.createElement(tag);
  el.className = className;
  return el;
}
