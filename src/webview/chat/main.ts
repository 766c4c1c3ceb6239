/** Entry of the chat view's browser bundle (dist/webview/chat.js, built by esbuild.mjs). */
import { isHostToWebviewMessage } from '../../shared/protocol';
import { ChatApp } from './ChatApp';
import { acquireChatHost } from './vscodeApi';

function byId<T extends HTMLElement>(id: string, type: { new (): T }): T {
  const el = document.getElementById(id);
  if (!(el instanceof type)) throw new Error(`Jarvis chat: #${id} is missing from the page.`);
  return el;
}

const app = new ChatApp(acquireChatHost(), {
  transcript: byId('transcript', HTMLElement),
  notice: byId('notice', HTMLElement),
  composer: byId('composer', HTMLFormElement),
  prompt: byId('prompt', HTMLTextAreaElement),
  send: byId('send', HTMLButtonElement),
  stop: byId('stop', HTMLButtonElement),
  slashMenu: byId('slash-menu', HTMLElement),
});

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  if (isHostToWebviewMessage(event.data)) app.receive(event.data);
});
app.start();
