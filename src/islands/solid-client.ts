/**
 * The browser entry that starts each Solid island, used in place of `@astrojs/solid-js/client.js`
 * (astro.config.mjs aliases that specifier to this file).
 *
 * The integration's own entry copies every island's props into a `solid-js/store`, so that Astro can push
 * new props into a live island (view transitions, server islands). This site uses neither: an island gets
 * its props once, from the page. That store cost 2 KB gzip on every page with an island, and its proxies
 * sat in the hydration task. Everything else follows the integration's entry: `hydrate` under `Suspense`
 * for server-rendered islands, `render` for `client:only`, and disposal on `astro:unmount`.
 *
 * One change of timing: the island starts in a task of its own. The browser evaluates an island's modules
 * (for the planner and the share view, the engine and its zod schemas) in one task, and the integration's
 * entry hydrates straight after, in the same task; on a slow phone that made one long task that blocks
 * input. Yielding once in between splits it in two. Astro awaits this function before it marks the island
 * hydrated, and Solid's `_$HY` queue replays any click made in the gap.
 */
import { Suspense, type Component } from 'solid-js';
import { createComponent, hydrate, render } from 'solid-js/web';

type Props = Record<string, unknown>;

const started = new WeakSet<HTMLElement>();

export default (element: HTMLElement) =>
  async (
    Component: Component<Props>,
    props: Props,
    slotted: Record<string, string>,
    { client }: { client: string },
  ) => {
    if (!element.hasAttribute('ssr')) return;
    if (Object.keys(slotted).length > 0) {
      // No island here takes children; supporting them would need the integration's slot handling back.
      throw new Error(`src/islands/solid-client.ts: slots are not supported (got ${Object.keys(slotted).join(', ')})`);
    }
    // Astro calls again only to push new props into a live island, which this site never does.
    if (started.has(element)) return;
    started.add(element);
    await new Promise((resolve) => setTimeout(resolve, 0));
    const inner = () => createComponent(Component, props);
    const dispose =
      client === 'only'
        ? render(inner, element)
        : hydrate(
            () =>
              createComponent(Suspense, {
                get children() {
                  return inner();
                },
              }),
            element,
            {
              renderId: element.dataset['solidRenderId'] ?? '',
            },
          );
    element.addEventListener('astro:unmount', () => dispose(), { once: true });
  };
