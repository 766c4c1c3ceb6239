import { formatModelBadge, formatModelBadgeTitle } from '../../shared/formatModelBadge';
import { assertNever, type TranscriptMessage } from '../../shared/protocol';
import { renderMarkdown } from './renderMarkdown';

/**
 * Builds and refreshes the DOM of one transcript entry. Only model markdown goes through the
 * sanitiser; everything else is set as text, never as HTML.
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
      const badge = part(doc, 'span', 'model-badge');
      header.append(badge);
      el.append(part(doc, 'div', 'progress'), part(doc, 'div', 'message-body markdown'));
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
    case 'assistant': {
      const streaming = message.status === 'streaming';
      el.setAttribute('aria-busy', String(streaming));
      el.classList.toggle('streaming', streaming);
      const badge = el.querySelector<HTMLElement>('.model-badge')!;
      badge.textContent = formatModelBadge(message.model, message.stats, message.status);
      badge.title = formatModelBadgeTitle(message.model, message.stats);
      badge.hidden = badge.textContent === '';
      const progress = el.querySelector<HTMLElement>('.progress')!;
      const waiting = streaming && message.text === '';
      progress.textContent = waiting ? (message.progress ?? 'Thinking…') : '';
      progress.hidden = !waiting;
      body.replaceChildren(renderMarkdown(message.text, doc));
      break;
    }
    case 'error': {
      body.textContent = message.message;
      const actions = el.querySelector<HTMLElement>('.actions')!;
      actions.replaceChildren(
        ...message.actions.map((action, index) => {
          const button = doc.createElement('button');
          button.type = 'button';
          button.className = 'action';
          button.dataset.action = 'run-action';
          button.dataset.index = String(index);
          button.textContent = action.title;
          return button;
        }),
      );
      actions.hidden = message.actions.length === 0;
      break;
    }
    default:
      assertNever(message, 'message');
  }
}

function part(doc: Document, tag: string, className: string): HTMLElement {
  const el = doc.createElement(tag);
  el.className = className;
  return el;
}
