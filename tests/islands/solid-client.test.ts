// @vitest-environment jsdom
import { createSignal } from 'solid-js';
import { template } from 'solid-js/web';
import startIsland from '../../src/islands/solid-client.ts';

/** An island element as Astro leaves it before starting it: server-rendered ones carry `ssr`. */
function island(): HTMLElement {
  const el = document.createElement('astro-island');
  el.setAttribute('ssr', '');
  document.body.append(el);
  return el;
}

const hello = template('<p>hello</p>');

/** A component that renders its `name` prop and counts how often it ran. */
function counter() {
  const [runs, setRuns] = createSignal(0);
  const Component = (props: Record<string, unknown>) => {
    setRuns(runs() + 1);
    const p = hello() as HTMLElement;
    p.textContent = `hello ${String(props['name'])}`;
    return p;
  };
  return { Component, runs };
}

describe('the island entry (src/islands/solid-client.ts)', () => {
  afterEach(() => document.body.replaceChildren());

  it('renders a client:only island with its props as given, after yielding a task', async () => {
    const el = island();
    const { Component, runs } = counter();
    const started = startIsland(el)(Component, { name: 'Ada' }, {}, { client: 'only' });
    expect(runs()).toBe(0); // not in the task that evaluated the modules
    await started;
    expect(runs()).toBe(1);
    expect(el.textContent).toBe('hello Ada');
  });

  it('starts an island once: a second call (new props from Astro) changes nothing', async () => {
    const el = island();
    const { Component, runs } = counter();
    await startIsland(el)(Component, { name: 'Ada' }, {}, { client: 'only' });
    await startIsland(el)(Component, { name: 'Grace' }, {}, { client: 'only' });
    expect(runs()).toBe(1);
    expect(el.textContent).toBe('hello Ada');
  });

  it('leaves an element without `ssr` alone, as the integration does', async () => {
    const el = island();
    el.removeAttribute('ssr');
    const { Component, runs } = counter();
    await startIsland(el)(Component, {}, {}, { client: 'only' });
    expect(runs()).toBe(0);
  });

  it('refuses slotted children with a message that names the file', async () => {
    const { Component } = counter();
    await expect(startIsland(island())(Component, {}, { default: '<b>x</b>' }, { client: 'idle' })).rejects.toThrow(
      /solid-client\.ts: slots are not supported \(got default\)/,
    );
  });

  it('disposes the island on astro:unmount', async () => {
    const el = island();
    const { Component } = counter();
    await startIsland(el)(Component, { name: 'Ada' }, {}, { client: 'only' });
    el.dispatchEvent(new Event('astro:unmount'));
    expect(el.textContent).toBe('');
  });
});
