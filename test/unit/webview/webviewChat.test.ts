/**
 * The chat view's browser code, in a real (headless) Chromium (the page and its stand-in for VS Code's
 * bridge: chatPageHarness): what the page posts for each thing the user does, and what it shows for
 * each message from the host.
 */
import * as assert from 'node:assert/strict';
import { useChatPage } from './chatPageHarness';

describe('chat webview (real browser)', function () {
  this.timeout(30_000);
  const chat = useChatPage();
  const { posted, host, waitForPosted, startTurn } = chat;

  it('says ready first, with Stop disabled and the prompt focused', async () => {
    assert.deepEqual(await posted(), [{ type: 'ready' }]);
    assert.equal(await chat.page.locator('#stop').isDisabled(), true);
    assert.equal(await chat.page.locator('#send').isEnabled(), true);
    assert.equal(await chat.page.evaluate(() => document.activeElement?.id), 'prompt');
    assert.equal(await chat.page.locator('#transcript').getAttribute('aria-live'), 'polite');
  });

  it('keeps Send disabled until its script runs, so an early click cannot submit the form and blank the view', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await chat.page.route('**/chat.js', async (route) => {
      await held;
      await route.continue();
    });
    try {
      // The script is parser-blocking, so DOMContentLoaded waits for it: wait for the form instead.
      await chat.page.goto(chat.page.url(), { waitUntil: 'commit' });
      await chat.page.locator('#send').waitFor({ state: 'attached' });
      await chat.page.locator('#prompt').fill('typed before the script');
      assert.equal(await chat.page.locator('#send').isDisabled(), true);
      // A disabled submit button does not submit: the page stays, and so does what was typed.
      await chat.page.locator('#send').click({ force: true });
      release();
      await waitForPosted({ type: 'ready' });
      assert.equal(await chat.page.locator('#send').isEnabled(), true);
      assert.equal(await chat.page.locator('#prompt').inputValue(), 'typed before the script');
      await chat.page.locator('#send').click();
      await waitForPosted({ type: 'send', prompt: 'typed before the script' });
    } finally {
      release();
      await chat.page.unroute('**/chat.js');
    }
  });

  it('Enter sends, Shift+Enter makes a new line, and the box clears when the turn starts', async () => {
    await chat.page.locator('#prompt').pressSequentially('line one');
    await chat.page.keyboard.press('Shift+Enter');
    await chat.page.keyboard.type('line two');
    assert.deepEqual(await posted(), [{ type: 'ready' }], 'Shift+Enter did not send');
    await chat.page.keyboard.press('Enter');
    await waitForPosted({ type: 'send', prompt: 'line one\nline two' });
    assert.equal(await chat.page.locator('#prompt').inputValue(), 'line one\nline two', 'kept until the host accepts');

    await host({ type: 'turnStart', turnId: 't1', prompt: 'line one\nline two' });
    await chat.page.locator('.message.user').waitFor();
    assert.equal(await chat.page.locator('.message.user .message-body').textContent(), 'line one\nline two');
    assert.equal(await chat.page.locator('#prompt').inputValue(), '');
    assert.equal(await chat.page.locator('#stop').isEnabled(), true);
  });

  it('the Send button sends; whitespace alone is not sent', async () => {
    await chat.page.locator('#prompt').fill('   ');
    await chat.page.locator('#send').click();
    await chat.page.locator('#prompt').fill('via button');
    await chat.page.locator('#send').click();
    await waitForPosted({ type: 'send', prompt: 'via button' });
    assert.deepEqual(
      (await posted()).map((m) => m.type),
      ['ready', 'send'],
    );
  });

  it('streams markdown into the answer, with the model badge, then stats when done', async () => {
    await startTurn();
    await host({ type: 'chunk', turnId: 't1', chunk: { type: 'model', model: 'llama3', provider: 'ollama', local: true } });
    await chat.page.locator('.message.assistant .progress', { hasText: 'Thinking' }).waitFor();
    await host({ type: 'chunk', turnId: 't1', chunk: { type: 'markdown', text: 'Use **' } });
    await host({ type: 'chunk', turnId: 't1', chunk: { type: 'markdown', text: 'const**.' } });
    await chat.page.locator('.message.assistant .markdown strong', { hasText: 'const' }).waitFor();
    assert.equal(await chat.page.locator('.message.assistant .model-badge').textContent(), 'llama3 · local');
    assert.equal(await chat.page.locator('.message.assistant').getAttribute('aria-busy'), 'true');
    assert.equal(await chat.page.locator('.message.assistant .progress').isHidden(), true);

    assert.equal(await chat.page.locator('.message.assistant .message-footer').isHidden(), true, 'no footer while streaming');

    await host({
      type: 'chunk',
      turnId: 't1',
      chunk: { type: 'done', model: 'llama3', usage: { inputTokens: 10, outputTokens: 5 }, durationMs: 1500, truncated: false },
    });
    await host({ type: 'turnEnd', turnId: 't1', reason: 'done' });
    await chat.page.locator('.message-footer', { hasText: '15 tokens' }).waitFor();
    assert.equal(await chat.page.locator('.message.assistant .message-footer').textContent(), '15 tokens · 1.5 s');
    assert.equal(await chat.page.locator('.message.assistant .model-badge').textContent(), 'llama3 · local');
    // The footer comes with the done chunk, the end of the turn a message later: wait for that before reading its state.
    await chat.page.locator('.message.assistant[aria-busy="false"]').waitFor();
    assert.equal(await chat.page.locator('#stop').isDisabled(), true);
  });

  it('never lets model output run script or inject markup', async () => {
    await startTurn();
    const hostile = [
      '<img src=x onerror="window.__pwned=1"> <script>window.__pwned=2</script>',
      '[click me](javascript:window.__pwned=3) ![pic](javascript:alert(1))',
      '<a href="javascript:window.__pwned=4">raw</a> <iframe src="https://example.com"></iframe>',
      'see https://example.com/docs',
    ].join('\n\n');
    await host({ type: 'chunk', turnId: 't1', chunk: { type: 'markdown', text: hostile } });
    await host({ type: 'turnEnd', turnId: 't1', reason: 'done' });
    const body = chat.page.locator('.message.assistant .markdown');
    await body.locator('a[href="https://example.com/docs"]').waitFor();
    assert.equal(await body.locator('img, script, iframe, [onerror]').count(), 0);
    assert.equal(await body.locator('a[href^="javascript"]').count(), 0);
    assert.match((await body.textContent()) ?? '', /<img src=x onerror=/, 'raw HTML is shown as text');
    await chat.page
      .locator('.message.assistant .markdown >> text=click me')
      .click()
      .catch(() => undefined);
    assert.equal(await chat.page.evaluate(() => window.__pwned), undefined);
  });

  it('code blocks get Copy and Insert at Cursor, which post the code and keep focus in the prompt', async () => {
    await startTurn();
    await host({ type: 'chunk', turnId: 't1', chunk: { type: 'markdown', text: 'Try:\n\n```ts\nconst a = 1 < 2;\n```\n' } });
    const block = chat.page.locator('.message.assistant .code-block');
    await block.waitFor();
    assert.equal(await block.locator('button').count(), 2);
    // media/buttons.css (shared with the dashboard) colours them: secondary, unlike Send.
    const colours = await chat.page.evaluate(() => {
      document.body.style.setProperty('--vscode-button-background', 'rgb(0, 0, 200)');
      document.body.style.setProperty('--vscode-button-secondaryBackground', 'rgb(1, 2, 3)');
      const bg = (sel: string) => getComputedStyle(document.querySelector(sel)!).backgroundColor;
      return { copy: bg('.code-block button'), send: bg('#send') };
    });
    assert.deepEqual(colours, { copy: 'rgb(1, 2, 3)', send: 'rgb(0, 0, 200)' });
    await block.getByRole('button', { name: 'Copy code to the clipboard' }).click();
    await waitForPosted({ type: 'copy', code: 'const a = 1 < 2;\n' });
    await block.getByRole('button', { name: 'Insert code at the cursor in the active editor' }).click();
    await waitForPosted({ type: 'insert', code: 'const a = 1 < 2;\n' });
    assert.equal(await chat.page.evaluate(() => document.activeElement?.id), 'prompt');
  });

  it('shows errors with their actions as buttons that post runAction', async () => {
    await startTurn();
    const actions = [
      { title: 'Check Ollama', command: 'jarvis.checkOllama' },
      { title: 'Open Settings', command: 'workbench.action.openSettings', args: ['jarvis.ollama.host'] },
    ];
    await host({
      type: 'chunk',
      turnId: 't1',
      chunk: { type: 'error', code: 'provider-unreachable', message: 'Ollama is not running at http://localhost:11434.', actions },
    });
    await host({ type: 'turnEnd', turnId: 't1', reason: 'error' });
    const error = chat.page.locator('.message.error');
    await error.waitFor();
    assert.match((await error.textContent()) ?? '', /Ollama is not running/);
    assert.equal(await chat.page.locator('.message.assistant').count(), 0, 'the empty answer gave way to the error');
    await error.getByRole('button', { name: 'Open Settings' }).click();
    await waitForPosted({ type: 'runAction', command: 'workbench.action.openSettings', args: ['jarvis.ollama.host'] });
    await error.getByRole('button', { name: 'Check Ollama' }).click();
    await waitForPosted({ type: 'runAction', command: 'jarvis.checkOllama' });
  });

  it('Stop (button or Esc) posts stop while streaming', async () => {
    await startTurn();
    await chat.page.locator('#stop').click();
    await waitForPosted({ type: 'stop' });
    await chat.page.locator('#prompt').focus();
    await chat.page.keyboard.press('Escape');
    await chat.page.waitForFunction(() => window.__posted.filter((m) => m.type === 'stop').length === 2);
    await host({ type: 'turnEnd', turnId: 't1', reason: 'stopped' });
    await chat.page.locator('.model-badge', { hasText: 'stopped' }).waitFor();
    assert.equal(await chat.page.locator('#stop').isDisabled(), true);
  });

  it('restores a transcript on init and empties it on cleared', async () => {
    await host({
      type: 'init',
      busy: false,
      commands: [],
      messages: [
        { role: 'user', id: 'a/user', text: 'earlier question' },
        { role: 'assistant', id: 'a/assistant', text: '# Title\n\nanswer', status: 'done', model: { model: 'llama3', provider: 'ollama', local: true } },
      ],
    });
    await chat.page.locator('.message.assistant h1', { hasText: 'Title' }).waitFor();
    assert.equal(await chat.page.locator('.message').count(), 2);
    assert.equal(await chat.page.locator('.empty-state').count(), 0);
    await host({ type: 'cleared' });
    await chat.page.locator('.empty-state').waitFor();
    assert.equal(await chat.page.locator('.message').count(), 0);
  });

  it('shows a refusal notice and keeps the unsent prompt', async () => {
    await chat.page.locator('#prompt').fill('second question');
    await chat.page.keyboard.press('Enter');
    await waitForPosted({ type: 'send', prompt: 'second question' });
    await host({ type: 'notice', message: 'Jarvis is still answering.' });
    await chat.page.locator('#notice', { hasText: 'Jarvis is still answering.' }).waitFor();
    assert.equal(await chat.page.locator('#prompt').inputValue(), 'second question');
  });
  it('shows what the answer used, notices, the model reason and the cost footer, in @jarvis order', async () => {
    await startTurn();
    const file = 'file:///work/app/src/db.ts';
    const chunks = [
      { type: 'model', model: 'gpt-4o', provider: 'openai', local: false, reason: 'escalated after a weak local answer' },
      { type: 'reference', title: 'decision: PostgreSQL', detail: '(remembered)' },
      { type: 'reference', title: 'src/db.ts', uri: file },
      { type: 'notice', level: 'info', message: 'kept local: nothing' },
      { type: 'notice', level: 'warning', message: 'local answer scored 0.42 < 0.70 → escalated to gpt-4o' },
      { type: 'markdown', text: 'Use a **pool**.' },
    ] as const;
    for (const chunk of chunks) await host({ type: 'chunk', turnId: 't1', chunk });
    const answer = chat.page.locator('.message.assistant');
    await answer.locator('.markdown strong', { hasText: 'pool' }).waitFor();

    const badge = answer.locator('.model-badge');
    assert.equal(await badge.textContent(), 'gpt-4o · cloud (openai)');
    assert.match((await badge.getAttribute('title')) ?? '', /Answered in the cloud by openai \(gpt-4o\)\nWhy: escalated after a weak local answer/);

    const refs = answer.locator('details.references');
    assert.equal(await refs.locator('summary').textContent(), 'Used 1 memory and 1 file');
    assert.equal(await refs.locator('.references-list').isVisible(), false, 'collapsed until asked');
    await refs.locator('summary').click();
    await refs.locator('.references-list').waitFor();
    assert.deepEqual(await refs.locator('li').allTextContents(), ['decision: PostgreSQL (remembered)', 'src/db.ts']);
    assert.equal(await refs.locator('li').first().locator('button').count(), 0, 'a memory has nothing to open');

    const banners = answer.locator('.notice-banner');
    assert.equal(await banners.count(), 2);
    assert.deepEqual(await banners.evaluateAll((els) => els.map((e) => `${e.className}|${e.textContent}`)), [
      'notice-banner info|Note: kept local: nothing',
      'notice-banner warning|Warning: local answer scored 0.42 < 0.70 → escalated to gpt-4o',
    ]);
    // Reading order matches the participant: badge, references, notices, answer, footer.
    const order = await answer.evaluate((el) => Array.from(el.children).map((c) => c.className.split(' ')[0]));
    assert.deepEqual(order, ['message-header', 'references', 'notices', 'replaced', 'progress', 'message-body', 'message-footer']);

    await host({ type: 'chunk', turnId: 't1', chunk: { type: 'markdown', text: ' More.' } });
    await answer.locator('.markdown', { hasText: 'More.' }).waitFor();
    assert.equal(await refs.evaluate((d) => (d as HTMLDetailsElement).open), true, 'stays open while the answer streams');

    await refs.getByRole('button', { name: 'src/db.ts' }).click();
    await waitForPosted({ type: 'openReference', uri: file });

    const footer = 'gpt-4o · cloud · 100 → 20 tokens · $0.0012 · 2.1 s (first token 400 ms)';
    await host({
      type: 'chunk',
      turnId: 't1',
      chunk: {
        type: 'done',
        model: 'gpt-4o',
        usage: { inputTokens: 100, outputTokens: 20 },
        durationMs: 2100,
        truncated: false,
        local: false,
        cost: { usd: 0.0012 },
        ttftMs: 400,
        footer,
      },
    });
    await host({ type: 'turnEnd', turnId: 't1', reason: 'done' });
    await answer.locator('.message-footer', { hasText: '$0.0012' }).waitFor();
    assert.equal(await answer.locator('.message-footer').textContent(), footer);
  });

  it('folds an escalated local answer under a one-line note; "show it" expands it; the cloud answer is the answer', async () => {
    await startTurn();
    await host({ type: 'chunk', turnId: 't1', chunk: { type: 'markdown', text: 'Local loop. Local loop. Local loop.' } });
    const answer = chat.page.locator('.message.assistant');
    await answer.locator('.message-body', { hasText: 'Local loop.' }).waitFor();
    await host({ type: 'chunk', turnId: 't1', chunk: { type: 'replaced', note: 'local answer replaced: repeats itself' } });
    await host({ type: 'chunk', turnId: 't1', chunk: { type: 'markdown', text: 'Cloud answer.' } });
    await host({ type: 'turnEnd', turnId: 't1', reason: 'done' });
    await answer.locator('.message-body', { hasText: 'Cloud answer.' }).waitFor();
    assert.equal((await answer.locator('.message-body').textContent())?.trim(), 'Cloud answer.', 'only the final answer is the answer');
    const folded = answer.locator('details.replaced');
    assert.equal(await folded.locator('summary').textContent(), 'local answer replaced: repeats itself — show it');
    assert.equal(await folded.locator('.replaced-body').isVisible(), false, 'folded until asked');
    await folded.locator('summary').click();
    await folded.locator('.replaced-body', { hasText: 'Local loop.' }).waitFor();
  });

  it("notice buttons (e.g. /forget's confirmation) post runAction", async () => {
    await startTurn('/forget pnpm');
    const action = { title: 'Forget 2 memories…', command: 'jarvis.memory.forget', args: ['m1', 'm2'] };
    await host({ type: 'chunk', turnId: 't1', chunk: { type: 'notice', level: 'info', message: 'Found 2 memories about pnpm.', actions: [action] } });
    await host({ type: 'turnEnd', turnId: 't1', reason: 'done' });
    await chat.page.locator('.notice-banner').getByRole('button', { name: 'Forget 2 memories…' }).click();
    await waitForPosted({ type: 'runAction', command: 'jarvis.memory.forget', args: ['m1', 'm2'] });
  });

  it('a reference whose uri is not a file, untitled or notebook cell is shown but not clickable', async () => {
    await startTurn();
    await host({ type: 'chunk', turnId: 't1', chunk: { type: 'reference', title: 'evil', uri: 'command:workbench.action.terminal.new' } });
    const refs = chat.page.locator('.message.assistant details.references');
    await refs.locator('summary', { hasText: 'Used 1 file' }).waitFor();
    await refs.locator('summary').click();
    assert.equal(await refs.locator('button').count(), 0);
    assert.equal(await refs.locator('li').textContent(), 'evil');
  });

  describe('slash commands', () => {
    const commands = [
      { name: 'remember', description: 'Remember a decision, preference or fact' },
      { name: 'recall', description: 'Search what Jarvis remembers' },
      { name: 'local', description: 'Answer with a local model only' },
    ];
    const menu = () => chat.page.locator('#slash-menu');
    const options = () => chat.page.getByRole('option');
    const init = () => host({ type: 'init', messages: [], busy: false, commands });

    it('"/" lists the commands; typing filters; Up/Down move; Enter fills in without sending', async () => {
      await init();
      await chat.page.locator('#prompt').pressSequentially('/');
      await menu().waitFor();
      assert.equal(await chat.page.getByRole('listbox', { name: 'Slash commands' }).isVisible(), true);
      assert.deepEqual(
        await options().allTextContents(),
        commands.map((c) => `/${c.name}${c.description}`),
      );
      assert.equal(await chat.page.locator('#prompt').getAttribute('aria-activedescendant'), 'slash-option-0');

      await chat.page.keyboard.type('re');
      await chat.page.waitForFunction(() => document.querySelectorAll('#slash-menu [role="option"]').length === 2);
      await chat.page.keyboard.press('ArrowDown');
      assert.equal(await options().nth(1).getAttribute('aria-selected'), 'true');
      assert.equal(await chat.page.locator('#prompt').getAttribute('aria-activedescendant'), 'slash-option-1');
      await chat.page.keyboard.press('ArrowDown');
      assert.equal(await options().nth(0).getAttribute('aria-selected'), 'true', 'wraps around');
      await chat.page.keyboard.press('ArrowUp');
      await chat.page.keyboard.press('Enter');
      assert.equal(await chat.page.locator('#prompt').inputValue(), '/recall ');
      assert.equal(await menu().isHidden(), true);
      assert.equal(await chat.page.locator('#prompt').getAttribute('aria-activedescendant'), null);
      assert.deepEqual(await posted(), [{ type: 'ready' }], 'choosing a command does not send');

      await chat.page.keyboard.type('what did we decide?');
      await chat.page.keyboard.press('Enter');
      await waitForPosted({ type: 'send', prompt: '/recall what did we decide?' });
    });

    it('Tab and a click also choose; Esc closes until the text changes (and does not stop an answer)', async () => {
      await init();
      await host({ type: 'turnStart', turnId: 't1', prompt: 'busy' });
      const prompt = chat.page.locator('#prompt');
      await prompt.fill('');
      await prompt.pressSequentially('/lo');
      await menu().waitFor();
      await chat.page.keyboard.press('Tab');
      assert.equal(await prompt.inputValue(), '/local ');
      assert.equal(await chat.page.evaluate(() => document.activeElement?.id), 'prompt', 'Tab did not move focus');

      await prompt.fill('');
      await prompt.pressSequentially('/');
      await menu().waitFor();
      await chat.page.keyboard.press('Escape');
      assert.equal(await menu().isHidden(), true);
      assert.equal((await posted()).filter((m) => m.type === 'stop').length, 0, 'Esc closed the menu only');
      await chat.page.keyboard.type('r');
      await menu().waitFor();
      await options().filter({ hasText: '/remember' }).click();
      assert.equal(await prompt.inputValue(), '/remember ');
      assert.equal(await chat.page.evaluate(() => document.activeElement?.id), 'prompt');
    });

    it('offers nothing when "/" is not at the start, or when no command matches', async () => {
      await init();
      const prompt = chat.page.locator('#prompt');
      await prompt.pressSequentially('see /re');
      assert.equal(await menu().isHidden(), true);
      await prompt.fill('');
      await prompt.pressSequentially('/zzz');
      assert.equal(await menu().isHidden(), true);
      await chat.page.keyboard.press('Enter');
      await waitForPosted({ type: 'send', prompt: '/zzz' });
    });
  });
});
