"use client";

import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { bracketMatching, HighlightStyle, indentOnInput, syntaxHighlighting } from "@codemirror/language";
import { Annotation, Compartment, EditorState, type Extension } from "@codemirror/state";
import {
  drawSelection,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  keymap,
  lineNumbers,
  placeholder as placeholderText,
} from "@codemirror/view";
import { tags } from "@lezer/highlight";
import { useEffect, useRef } from "react";
import type { ScratchpadLanguage } from "@/server/domain/room";

/** The languages the candidate can pick, as they are named to people. */
export const LANGUAGE_NAMES: Record<ScratchpadLanguage, string> = {
  plain: "Plain text",
  javascript: "JavaScript",
  typescript: "TypeScript",
  python: "Python",
  java: "Java",
  cpp: "C / C++",
  go: "Go",
  sql: "SQL",
};

/** Each language's grammar, loaded when first used: the room does not ship eight parsers up front. */
async function languageSupport(language: ScratchpadLanguage): Promise<Extension> {
  switch (language) {
    case "plain":
      return [];
    case "javascript":
      return (await import("@codemirror/lang-javascript")).javascript();
    case "typescript":
      return (await import("@codemirror/lang-javascript")).javascript({ typescript: true });
    case "python":
      return (await import("@codemirror/lang-python")).python();
    case "java":
      return (await import("@codemirror/lang-java")).java();
    case "cpp":
      return (await import("@codemirror/lang-cpp")).cpp();
    case "go":
      return (await import("@codemirror/lang-go")).go();
    case "sql":
      return (await import("@codemirror/lang-sql")).sql();
  }
}

/** Token colours from the design tokens (app/globals.css), so the light and dark themes both read well. */
const highlighting = HighlightStyle.define([
  { tag: [tags.keyword, tags.controlKeyword, tags.operatorKeyword, tags.definitionKeyword, tags.modifier], color: "var(--code-keyword)" },
  { tag: [tags.string, tags.special(tags.string), tags.regexp], color: "var(--code-string)" },
  { tag: [tags.number, tags.bool, tags.null, tags.atom], color: "var(--code-number)" },
  { tag: [tags.comment, tags.lineComment, tags.blockComment], color: "var(--code-comment)", fontStyle: "italic" },
  {
    tag: [tags.function(tags.variableName), tags.function(tags.propertyName), tags.definition(tags.function(tags.variableName))],
    color: "var(--code-function)",
  },
  { tag: [tags.typeName, tags.className, tags.namespace], color: "var(--code-type)" },
]);

const theme = EditorView.theme({
  "&": { backgroundColor: "var(--card)", color: "var(--foreground)", fontSize: "13.5px" },
  "&.cm-focused": { outline: "none" },
  ".cm-scroller": { fontFamily: "var(--font-geist-mono), ui-monospace, monospace", lineHeight: "1.6" },
  ".cm-content": { padding: "12px 0", caretColor: "var(--foreground)" },
  ".cm-gutters": { backgroundColor: "var(--muted)", color: "var(--muted-foreground)", border: "none" },
  ".cm-activeLine": { backgroundColor: "color-mix(in oklab, var(--accent) 60%, transparent)" },
  ".cm-activeLineGutter": { backgroundColor: "var(--accent)" },
  ".cm-placeholder": { color: "var(--muted-foreground)", fontFamily: "var(--font-geist-sans), ui-sans-serif, sans-serif" },
  "&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection": { backgroundColor: "color-mix(in oklab, var(--primary) 30%, transparent)" },
});

/** Marks the transactions that bring in text from outside, which are not the user's typing. */
const fromOutside = Annotation.define<boolean>();

interface CodeEditorProps {
  value: string;
  language: ScratchpadLanguage;
  /** Accessible name of the text area. */
  label: string;
  readOnly?: boolean;
  placeholder?: string;
  /** Each change the user makes, with the whole text after it. */
  onChange?: (text: string) => void;
  onBlur?: () => void;
  /**
   * Refuses a change of the user's whose text would fail this rule (a paste past the limit): the editor
   * keeps the text it had, and `onRefused` hears how long the change would have made it.
   */
  accepts?: (text: string) => boolean;
  onRefused?: (length: number) => void;
  className?: string;
  testId?: string;
}

type EditorHandlers = Pick<CodeEditorProps, "onChange" | "onBlur" | "accepts" | "onRefused">;

/** The editor's keys, look and accessibility, shared by every CodeMirror editor of the app. */
export function editorBasics({
  label,
  readOnly,
  placeholder,
  languageSlot,
}: {
  label: string;
  readOnly: boolean;
  placeholder: string | undefined;
  languageSlot: Compartment;
}): Extension[] {
  return [
    lineNumbers(),
    highlightActiveLineGutter(),
    history(),
    drawSelection(),
    indentOnInput(),
    bracketMatching(),
    highlightActiveLine(),
    syntaxHighlighting(highlighting),
    keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
    EditorView.lineWrapping,
    theme,
    languageSlot.of([]),
    EditorState.readOnly.of(readOnly),
    EditorView.editable.of(!readOnly),
    EditorView.contentAttributes.of({ "aria-label": label, ...(readOnly ? { "aria-readonly": "true" } : {}) }),
    ...(placeholder ? [placeholderText(placeholder)] : []),
  ];
}

/**
 * Refuses a change of the user's whose text would fail `accepts` (a paste past the limit): the editor
 * keeps the text it had, and `onRefused` hears how long the change would have made it. Text from
 * outside (marked `fromOutside`, or a collaborator's, which is not filtered) always goes in.
 */
export function lengthRule(handlers: { readonly current: Pick<CodeEditorProps, "accepts" | "onRefused"> }): Extension {
  return EditorState.transactionFilter.of((transaction) => {
    const { accepts: rule, onRefused: refused } = handlers.current;
    if (!rule || !transaction.docChanged || transaction.annotation(fromOutside)) return transaction;
    // Only a change that makes the text longer can break a length rule; deleting always goes through.
    if (transaction.newDoc.length <= transaction.startState.doc.length || rule(transaction.newDoc.toString())) return transaction;
    const length = transaction.newDoc.length;
    queueMicrotask(() => refused?.(length));
    return [];
  });
}

/** Loads the language's grammar into the editor's slot when it changes. */
export function useLanguage(
  view: { readonly current: EditorView | null },
  slots: { readonly current: { language: Compartment } },
  language: ScratchpadLanguage,
): void {
  useEffect(() => {
    let current = true;
    void languageSupport(language).then((support) => {
      if (current) view.current?.dispatch({ effects: slots.current.language.reconfigure(support) });
    });
    return () => {
      current = false;
    };
  }, [language, view, slots]);
}

/** The editor's setup: its basics, the length rule, and where changes go. */
function editorExtensions({
  label,
  readOnly,
  placeholder,
  languageSlot,
  handlers,
}: {
  label: string;
  readOnly: boolean;
  placeholder: string | undefined;
  languageSlot: Compartment;
  handlers: { readonly current: EditorHandlers };
}): Extension[] {
  return [
    ...editorBasics({ label, readOnly, placeholder, languageSlot }),
    lengthRule(handlers),
    EditorView.updateListener.of((update) => {
      if (update.docChanged && !update.transactions.some((transaction) => transaction.annotation(fromOutside))) {
        handlers.current.onChange?.(update.state.doc.toString());
      }
    }),
    EditorView.domEventHandlers({ blur: () => handlers.current.onBlur?.() }),
  ];
}

/**
 * A CodeMirror 6 editor: line numbers, syntax highlighting in the chosen language, the usual keys (undo,
 * indentation, bracket matching; Tab indents, and Escape then Tab leaves the editor). The text is plain
 * text throughout: highlighting is only how it is shown. `value` from outside (another tab, the room)
 * replaces the text without counting as a change.
 */
export function CodeEditor({
  value,
  language,
  label,
  readOnly = false,
  placeholder,
  onChange,
  onBlur,
  accepts,
  onRefused,
  className,
  testId,
}: CodeEditorProps) {
  const hostRef = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView | null>(null);
  const slots = useRef({ language: new Compartment() });
  const handlers = useRef({ onChange, onBlur, accepts, onRefused });
  useEffect(() => {
    handlers.current = { onChange, onBlur, accepts, onRefused };
  });

  // Created once per mount; the props below are brought in by the effects that follow.
  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const view = new EditorView({
      parent: host,
      state: EditorState.create({
        doc: value,
        extensions: editorExtensions({ label, readOnly, placeholder, languageSlot: slots.current.language, handlers }),
      }),
    });
    viewRef.current = view;
    return () => {
      view.destroy();
      viewRef.current = null;
    };
    // The editor is made once; value and language changes are dispatched below, readOnly never changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const view = viewRef.current;
    if (!view || view.state.doc.toString() === value) return;
    view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: value }, annotations: fromOutside.of(true) });
  }, [value]);

  useLanguage(viewRef, slots, language);

  return <div ref={hostRef} className={className} data-testid={testId} data-language={language} />;
}
