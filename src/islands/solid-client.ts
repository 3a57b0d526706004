/**
 * The browser entry that starts each Solid island, used in place of `@astrojs/solid-js/client.js`
 * (astro.config.mjs aliases that specifier to this file).
 *
 * The integration's own entry copies every island's props into a `solid-js/store`, so that Astro can push
 * new props into a live island (view transitions, server islands). This site uses neither: an island gets
 * its props once, from the page. That store cost 2 KB gzip on every page with an island, and its proxies
 * sat in the hydration task. Everything else follows the integration's entry: `hydrate` under `Suspense`
 * for server-rendered islands, `render` for `client:only`, and disposal on `astro:unmount`.
 */
import { Suspense, type Component } from 'solid-js';
import { createComponent, hydrate, render } from 'solid-js/web';

type Props = Record<string, unknown>;

const started = new WeakSet<HTMLElement>();

export default (element: HTMLElement) =>
  (Component: Component<Props>, props: Props, slotted: Record<string, string>, { client }: { client: string }) => {
    if (!element.hasAttribute('ssr')) return;
    if (Object.keys(slotted).length > 0) {
      // No island here takes children; supporting them would need the integration's slot handling back.
      throw new Error(`src/islands/solid-client.ts: slots are not supported (got ${Object.keys(slotted).join(', ')})`);
    }
    // Astro calls again only to push new props into a live island, which this site never does.
    if (started.has(element)) return;
    started.add(element);
    const isHydrate = client !== 'only';
    const inner = () => createComponent(Component, props);
    const dispose = (isHydrate ? hydrate : render)(
      () =>
        isHydrate
          ? createComponent(Suspense, {
              get children() {
                return inner();
              },
            })
          : inner(),
      element,
      { renderId: element.dataset['solidRenderId'] ?? '' },
    );
    element.addEventListener('astro:unmount', () => dispose(), { once: true });
  };
