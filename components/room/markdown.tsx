import ReactMarkdown, { type Components } from "react-markdown";
import remarkGfm from "remark-gfm";
import { cn } from "@/components/ui/cn";

const components: Components = {
  p: ({ node: _node, ...props }) => <p className="my-2 leading-relaxed first:mt-0 last:mb-0" {...props} />,
  ul: ({ node: _node, ...props }) => <ul className="my-2 list-disc space-y-1 pl-5" {...props} />,
  ol: ({ node: _node, ...props }) => <ol className="my-2 list-decimal space-y-1 pl-5" {...props} />,
  li: ({ node: _node, ...props }) => <li className="leading-relaxed marker:text-muted-foreground" {...props} />,
  a: ({ node: _node, ...props }) => <a className="font-medium text-primary-soft-foreground underline underline-offset-4" target="_blank" rel="noreferrer" {...props} />,
  strong: ({ node: _node, ...props }) => <strong className="font-semibold text-foreground" {...props} />,
  h1: ({ node: _node, ...props }) => <h4 className="mt-4 mb-2 font-semibold first:mt-0" {...props} />,
  h2: ({ node: _node, ...props }) => <h4 className="mt-4 mb-2 font-semibold first:mt-0" {...props} />,
  h3: ({ node: _node, ...props }) => <h4 className="mt-3 mb-1.5 font-semibold first:mt-0" {...props} />,
  h4: ({ node: _node, ...props }) => <h4 className="mt-3 mb-1.5 font-semibold first:mt-0" {...props} />,
  blockquote: ({ node: _node, ...props }) => <blockquote className="my-2 border-l-2 pl-3 text-muted-foreground" {...props} />,
  // Code and ASCII diagrams keep every space: the bank's documents draw with them.
  pre: ({ node: _node, ...props }) => (
    <pre className="my-3 overflow-x-auto rounded-lg border bg-muted/60 p-3 font-mono text-[12.5px] leading-[1.55] whitespace-pre [&_code]:bg-transparent [&_code]:p-0" {...props} />
  ),
  code: ({ node: _node, className, ...props }) => (
    <code className={cn("rounded bg-muted px-1 py-0.5 font-mono text-[0.9em]", className)} {...props} />
  ),
  table: ({ node: _node, ...props }) => (
    <div className="my-3 overflow-x-auto">
      <table className="w-full border-collapse text-left text-[13px]" {...props} />
    </div>
  ),
  th: ({ node: _node, ...props }) => <th className="border-b px-2 py-1.5 font-semibold" {...props} />,
  td: ({ node: _node, ...props }) => <td className="border-b px-2 py-1.5 align-top" {...props} />,
  hr: () => <hr className="my-4" />,
};

/** Bank text (answers, prompts) as Markdown: GFM tables and lists, code blocks kept as they are. */
export function Markdown({ children, className }: { children: string; className?: string }) {
  return (
    <div className={cn("text-sm text-foreground/90", className)}>
      <ReactMarkdown remarkPlugins={[remarkGfm]} components={components}>
        {children}
      </ReactMarkdown>
    </div>
  );
}
