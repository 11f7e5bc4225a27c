import { StateEffect, StateField, type EditorState, type Extension, type Range } from "@codemirror/state";
import { Decoration, EditorView, WidgetType, type DecorationSet } from "@codemirror/view";

/** Another member's place in the pad, already moved into this tab's text. */
export interface RemoteCursor {
  userId: string;
  name: string;
  color: string;
  /** Anchor (`from`) and head (`to`) of each selection; a caret has both alike. */
  ranges: Array<{ from: number; to: number }>;
  /** The lines this member points everyone at, or null. */
  highlight: { from: number; to: number } | null;
}

/** Colours that read on the light and the dark theme alike, one per member in join order. */
const COLORS = ["#2563eb", "#db2777", "#059669", "#d97706", "#7c3aed", "#0891b2", "#dc2626", "#65a30d"];

export function memberColor(index: number): string {
  return COLORS[index % COLORS.length]!;
}

export const setRemoteCursors = StateEffect.define<RemoteCursor[]>();

class CaretWidget extends WidgetType {
  constructor(
    readonly name: string,
    readonly color: string,
  ) {
    super();
  }
  override eq(other: CaretWidget): boolean {
    return other.name === this.name && other.color === this.color;
  }
  toDOM(): HTMLElement {
    const caret = document.createElement("span");
    caret.className = "cm-remote-caret";
    caret.style.borderColor = this.color;
    caret.setAttribute("aria-hidden", "true");
    caret.contentEditable = "false";
    const label = document.createElement("span");
    label.className = "cm-remote-caret-label";
    label.style.backgroundColor = this.color;
    // Drawn by CSS from the attribute, never a text node: the browser's own editing (a selection typed
    // or pasted over) could merge a text node beside the caret into the text, and the pad would keep it.
    label.dataset.name = this.name;
    caret.appendChild(label);
    return caret;
  }
  override ignoreEvent(): boolean {
    return true;
  }
}

class PointerWidget extends WidgetType {
  constructor(
    readonly name: string,
    readonly color: string,
  ) {
    super();
  }
  override eq(other: PointerWidget): boolean {
    return other.name === this.name && other.color === this.color;
  }
  toDOM(): HTMLElement {
    const label = document.createElement("span");
    label.className = "cm-remote-pointer-label";
    label.style.backgroundColor = this.color;
    label.contentEditable = "false";
    // As the caret's name: text from CSS, so no text node can be edited into the pad.
    label.dataset.label = `${this.name} points here`;
    label.setAttribute("data-testid", "pad-pointer");
    return label;
  }
}

function decorationsOf(cursors: readonly RemoteCursor[], view: EditorState): DecorationSet {
  const ranges: Array<Range<Decoration>> = [];
  const length = view.doc.length;
  const clamp = (position: number) => Math.max(0, Math.min(position, length));
  for (const cursor of cursors) {
    for (const range of cursor.ranges) {
      const from = clamp(Math.min(range.from, range.to));
      const to = clamp(Math.max(range.from, range.to));
      if (from < to) {
        ranges.push(Decoration.mark({ attributes: { style: `background-color: color-mix(in oklab, ${cursor.color} 22%, transparent)` } }).range(from, to));
      }
      ranges.push(Decoration.widget({ widget: new CaretWidget(cursor.name, cursor.color), side: 1 }).range(clamp(range.to)));
    }
    if (cursor.highlight) {
      const first = view.doc.lineAt(clamp(Math.min(cursor.highlight.from, cursor.highlight.to)));
      const last = view.doc.lineAt(clamp(Math.max(cursor.highlight.from, cursor.highlight.to)));
      for (let number = first.number; number <= last.number; number++) {
        ranges.push(
          Decoration.line({
            attributes: { class: "cm-remote-highlight", style: `--pointer-color: ${cursor.color}`, "data-pointed-by": cursor.name },
          }).range(view.doc.line(number).from),
        );
      }
      ranges.push(Decoration.widget({ widget: new PointerWidget(cursor.name, cursor.color), side: 1 }).range(first.to));
    }
  }
  return Decoration.set(ranges, true);
}

const remoteCursorField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(decorations, transaction) {
    let next = decorations.map(transaction.changes);
    for (const effect of transaction.effects) if (effect.is(setRemoteCursors)) next = decorationsOf(effect.value, transaction.state);
    return next;
  },
  provide: (field) => EditorView.decorations.from(field),
});

const remoteCursorTheme = EditorView.baseTheme({
  ".cm-remote-caret": { position: "relative", borderLeft: "2px solid", marginLeft: "-1px", marginRight: "-1px" },
  ".cm-remote-caret-label": {
    position: "absolute",
    top: "-1.35em",
    left: "-2px",
    fontSize: "11px",
    lineHeight: "1.2",
    padding: "1px 4px",
    borderRadius: "3px 3px 3px 0",
    color: "white",
    whiteSpace: "nowrap",
    fontFamily: "var(--font-geist-sans), ui-sans-serif, sans-serif",
    pointerEvents: "none",
    zIndex: "5",
  },
  ".cm-remote-caret-label::after": { content: "attr(data-name)" },
  ".cm-remote-pointer-label::after": { content: "attr(data-label)" },
  ".cm-remote-highlight": {
    backgroundColor: "color-mix(in oklab, var(--pointer-color) 16%, transparent)",
    boxShadow: "inset 3px 0 0 var(--pointer-color)",
  },
  ".cm-remote-pointer-label": {
    marginLeft: "12px",
    whiteSpace: "nowrap",
    fontSize: "11px",
    padding: "1px 6px",
    borderRadius: "999px",
    color: "white",
    fontFamily: "var(--font-geist-sans), ui-sans-serif, sans-serif",
  },
});

/** Shows other members' carets (with their names), selections and pointed lines, each in their colour. */
export function remoteCursors(): Extension {
  return [remoteCursorField, remoteCursorTheme];
}
