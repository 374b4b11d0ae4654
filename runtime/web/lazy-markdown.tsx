/**
 * markdown-to-jsx, as rjsf's form components see it in the portal (vite.config.ts puts this module in its place for
 * @rjsf/core only): its parser is a third of rjsf's weight, yet a form shows markdown only when a definition's uiSchema
 * asks for it (`ui:enableMarkdownInDescription` / `InHelp`) or rjsf reports a broken schema. So the parser is fetched
 * the first time a Markdown element renders; until then the text shows as it is.
 */
import { lazy, Suspense, type ComponentProps } from 'react';

const Real = lazy(() => import('markdown-to-jsx/react').then((m) => ({ default: m.Markdown })));

type MarkdownProps = ComponentProps<typeof import('markdown-to-jsx/react').Markdown>;

export function Markdown(props: MarkdownProps) {
  return (
    <Suspense fallback={<span>{props.children}</span>}>
      <Real {...props} />
    </Suspense>
  );
}
