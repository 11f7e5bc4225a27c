import ReactMarkdown, { type Components } from "react-markdown";
import remarkGfm from "remark-gfm";
import { cn } from "@/components/ui/cn";

const components: Components = {
  p: ({ node: _node, ...props }) => <p className="my-3 leading-7 first:mt-0 last:mb-0" {...props} />,
  ul: ({ node: _node, ...props }) => <ul className="my-3 list-disc space-y-1.5 pl-5 first:mt-0 last:mb-0" {...props} />,
  ol: ({ node: _node, ...props }) => <ol className="my-3 list-decimal space-y-1.5 pl-5 first:mt-0 last:mb-0" {...props} />,
  li: ({ node: _node, ...props }) => <li className="leading-7 marker:text-muted-foreground [&>ul]:my-1.5 [&>ol]:my-1.5" {...props} />,
  a: ({ node: _node, ...props }) => (
    <a className="font-medium text-primary-soft-foreground underline underline-offset-4" target="_blank" rel="noreferrer" {...props} />
  ),
  strong: ({ node: _node, ...props }) => <strong className="font-semibold text-foreground" {...props} />,
  // Headings inside an answer sit below the page's own section headings.
  h1: ({ node: _node, ...props }) => <h4 className="mt-6 mb-2 text-[15px] font-semibold tracking-tight first:mt-0" {...props} />,
  h2: ({ node: _node, ...props }) => <h4 className="mt-6 mb-2 text-[15px] font-semibold tracking-tight first:mt-0" {...props} />,
  h3: ({ node: _node, ...props }) => <h5 className="mt-5 mb-2 text-sm font-semibold first:mt-0" {...props} />,
  h4: ({ node: _node, ...props }) => <h5 className="mt-4 mb-1.5 text-sm font-semibold first:mt-0" {...props} />,
  h5: ({ node: _node, ...props }) => <h6 className="mt-4 mb-1.5 text-sm font-semibold first:mt-0" {...props} />,
  h6: ({ node: _node, ...props }) => <h6 className="mt-4 mb-1.5 text-sm font-semibold first:mt-0" {...props} />,
  blockquote: ({ node: _node, ...props }) => <blockquote className="my-3 border-l-2 border-primary/40 pl-4 text-muted-foreground" {...props} />,
  // Code and ASCII diagrams keep every space and line: the documents draw boxes and arrows with them.
  // Wide ones scroll sideways, so they take focus: the keyboard scrolls them too.
  pre: ({ node: _node, ...props }) => (
    <pre
      tabIndex={0}
      className="my-4 overflow-x-auto rounded-lg border bg-muted/60 p-4 font-mono text-[12.5px] leading-[1.6] whitespace-pre outline-none first:mt-0 last:mb-0 focus-visible:ring-2 focus-visible:ring-ring [&_code]:rounded-none [&_code]:bg-transparent [&_code]:p-0 [&_code]:text-[12.5px]"
      {...props}
    />
  ),
  code: ({ node: _node, className, ...props }) => <code className={cn("rounded bg-muted px-1.5 py-0.5 font-mono text-[0.86em]", className)} {...props} />,
  table: ({ node: _node, ...props }) => (
    <div tabIndex={0} className="my-4 overflow-x-auto rounded-lg border outline-none first:mt-0 last:mb-0 focus-visible:ring-2 focus-visible:ring-ring">
      <table className="w-full border-collapse text-left text-[13px]" {...props} />
    </div>
  ),
  thead: ({ node: _node, ...props }) => <thead className="bg-muted/60" {...props} />,
  th: ({ node: _node, ...props }) => <th className="border-b px-3 py-2 font-semibold" {...props} />,
  td: ({ node: _node, ...props }) => <td className="border-b px-3 py-2 align-top [tr:last-child_&]:border-b-0" {...props} />,
  hr: () => <hr className="my-6 border-border" />,
};

/** Bank text (answers, prompts, context) as Markdown, in the bank and in rooms: GFM tables and lists; code blocks and diagrams verbatim. */
export function Markdown({ children, className }: { children: string; className?: string }) {
  return (
    <div className={cn("min-w-0 text-sm text-foreground/90 [overflow-wrap:anywhere]", className)}>
      <ReactMarkdown remarkPlugins={[remarkGfm]} components={components}>
        {children}
      </ReactMarkdown>
    </div>
  );
}
