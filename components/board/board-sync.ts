import { CaptureUpdateAction, reconcileElements, restoreElements } from "@excalidraw/excalidraw";
import type { RemoteExcalidrawElement } from "@excalidraw/excalidraw/data/reconcile";
import type { ExcalidrawElement, OrderedExcalidrawElement } from "@excalidraw/excalidraw/element/types";
import type { AppState } from "@excalidraw/excalidraw/types";
import { boardElementSchema, type BoardElement } from "@/server/domain/board/board-element";
import { BOARD_LIMITS, boardElements, type Board } from "@/server/domain/board/board";
import { RETRIED_CODES, type Result, type RoomCommandResult } from "@/server/realtime/protocol";

/** What the whiteboard asks of the room: its push (the `drawOnBoard` command), nothing more. */
export interface BoardTransport {
  push(elements: BoardElement[]): Promise<Result<RoomCommandResult>>;
}

/** The editor the sync drives: the part of Excalidraw's imperative API it uses. */
export interface BoardScene {
  getSceneElementsIncludingDeleted(): readonly OrderedExcalidrawElement[];
  getAppState(): AppState;
  updateScene(scene: { elements: readonly ExcalidrawElement[]; captureUpdate: typeof CaptureUpdateAction.NEVER }): void;
}

/** Where this tab's drawing stands, as the board's header says it. */
export type BoardStatus =
  | { kind: "saved" }
  | { kind: "saving" }
  /** Drawing goes on; it is sent when the room is back. */
  | { kind: "offline" }
  /** Something drawn here was not taken: `message` says why, and the board shows the room's drawing there. */
  | { kind: "refused"; message: string }
  /** The room stopped taking this tab's drawing (the interview ended, the member was removed). */
  | { kind: "closed"; message: string };

export interface BoardSyncEvents {
  status(status: BoardStatus): void;
}

export const IMAGES_REFUSED = "Images cannot be added to the whiteboard.";
const EMBEDS_REFUSED = "Web pages cannot be embedded in the whiteboard.";
const LINK_REFUSED = "A link on the whiteboard must be a web address (http or https).";
const ELEMENT_REFUSED = "That element is larger than the whiteboard takes, so it was not added.";
const PUSH_REFUSED = "Your last change could not be added; the whiteboard shows the room's drawing.";

/** Pushes go out at most this often while drawing, one at a time. */
const PUSH_INTERVAL_MS = 50;

/** An element's place in Excalidraw's order of edits: its version, then (at the same version) the lower nonce wins. */
type Stamp = Pick<BoardElement, "version" | "versionNonce">;

/** Whether `element` is a later edit than `stamp`: the rule of `supersedes` (server/domain/board/board.ts) short of its last tie-break. */
function isAfter(element: Stamp, stamp: Stamp | undefined): boolean {
  if (!stamp) return true;
  if (element.version !== stamp.version) return element.version > stamp.version;
  return element.versionNonce < stamp.versionNonce;
}

/**
 * One tab's side of a question's whiteboard, outside React. Excalidraw's scene is this tab's board; the
 * room's board (the question's `board` in the view, kept by the fold) is everyone's. The tab pushes the
 * elements it changed (whole, at their new version) as `drawOnBoard`, one push at a time; the server keeps
 * those that supersede its own and relays them as `boardChanged`, which reaches every member's view, this
 * tab's included. Each time the room's board changes, the elements in it that are later than the scene's
 * are merged in by Excalidraw's own `reconcileElements`, which keeps the element being drawn or edited
 * here; they are applied outside the undo history, so undo takes back only this member's own changes.
 */
export class BoardSync {
  private scene: BoardScene | null = null;
  /** Per element, the last edit sent and accepted, or received: what the room has, as far as this tab knows. */
  private readonly known = new Map<string, Stamp>();
  private inFlight = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private lastPushAt = 0;
  private online = true;
  private closed = false;
  /** What the header shows: a refusal stays until this tab's next change goes out. */
  private status: BoardStatus = { kind: "saved" };

  constructor(
    private readonly transport: BoardTransport,
    private room: Board,
    private readonly events: BoardSyncEvents,
  ) {
    this.learn(room);
  }

  attach(scene: BoardScene): void {
    this.scene = scene;
    this.merge();
  }

  detach(): void {
    this.scene = null;
    if (this.timer) clearTimeout(this.timer);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.timer = null;
    this.retryTimer = null;
  }

  /** The scene changed here (Excalidraw's onChange, which also fires for a selection or a scroll): send what changed soon. */
  localChange(): void {
    if (!this.closed) this.schedule();
  }

  /** The room's board as the view has it now. */
  receive(board: Board): void {
    if (board === this.room) return;
    this.room = board;
    this.learn(board);
    this.merge();
  }

  /** The room is (again) joined: send what waits. */
  resync(): void {
    this.online = true;
    this.closed = false;
    this.schedule();
  }

  /** The socket is down: drawing goes on here and waits. */
  offline(): void {
    this.online = false;
    if (this.scene && this.pending().changed.length > 0) this.show({ kind: "offline" });
  }

  private learn(board: Board): void {
    for (const element of Object.values(board.elements)) this.raise(element);
  }

  private raise(element: BoardElement): void {
    if (isAfter(element, this.known.get(element.id))) this.known.set(element.id, { version: element.version, versionNonce: element.versionNonce });
  }

  /** Brings into the scene the room's elements that are later than its own. */
  private merge(): void {
    const scene = this.scene;
    if (!scene) return;
    const local = scene.getSceneElementsIncludingDeleted();
    const byId = new Map(local.map((element) => [element.id, element]));
    const later = boardElements(this.room).filter((element) => isAfter(element, byId.get(element.id)));
    if (later.length === 0) return;
    // Restored: fresh objects (Excalidraw mutates its elements, and these belong to the view), in the order of the board.
    const remote = restoreElements(later as unknown as ExcalidrawElement[], null) as RemoteExcalidrawElement[];
    scene.updateScene({ elements: reconcileElements(local, remote, scene.getAppState()), captureUpdate: CaptureUpdateAction.NEVER });
  }

  /** The scene's elements later than what the room has: those the board takes, and those it refuses (an image). */
  private pending(): { changed: BoardElement[]; refused: ExcalidrawElement[] } {
    const changed: BoardElement[] = [];
    const refused: ExcalidrawElement[] = [];
    for (const element of this.scene?.getSceneElementsIncludingDeleted() ?? []) {
      if (!isAfter(element, this.known.get(element.id))) continue;
      const parsed = boardElementSchema.safeParse(element);
      if (parsed.success) changed.push(parsed.data);
      else refused.push(element);
    }
    return { changed, refused };
  }

  private schedule(): void {
    if (this.timer || this.inFlight || this.retryTimer || !this.scene) return;
    const wait = Math.max(0, PUSH_INTERVAL_MS - (Date.now() - this.lastPushAt));
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.push();
    }, wait);
  }

  private async push(): Promise<void> {
    if (!this.scene || this.inFlight || this.closed) return;
    const { changed, refused } = this.pending();
    if (refused.length > 0) this.takeBack(refused);
    if (changed.length === 0) return refused.length > 0 ? undefined : this.settled();
    // At most as many as a push may carry: a selection of thousands moved at once goes over several pushes.
    const batch = changed.slice(0, BOARD_LIMITS.perPush);
    this.inFlight = true;
    this.lastPushAt = Date.now();
    if (refused.length === 0) this.show(this.online ? { kind: "saving" } : { kind: "offline" });
    let answer: Result<RoomCommandResult>;
    try {
      answer = await this.transport.push(batch);
    } catch {
      answer = { ok: false, code: "BUSY", message: "No answer", retryAfterMs: 1000 };
    } finally {
      this.inFlight = false;
    }
    if (answer.ok) {
      for (const element of batch) this.raise(element);
      // What is left, or drawn meanwhile, goes next.
      return this.schedule();
    }
    this.pushRefused(answer);
  }

  private pushRefused(answer: { code: string; message: string; retryAfterMs?: number }): void {
    if (RETRIED_CODES.has(answer.code as never)) {
      this.retryTimer ??= setTimeout(() => {
        this.retryTimer = null;
        void this.push();
      }, answer.retryAfterMs ?? 1000);
      return;
    }
    // The room will take nothing more from this tab (ended, removed, no such question): stop.
    if (["NOT_FOUND", "FORBIDDEN", "CONFLICT"].includes(answer.code)) {
      this.closed = true;
      this.show({ kind: "closed", message: answer.message });
      return;
    }
    // Too much drawing for the board, or changes it would not take: the room's board comes back.
    this.showRoom();
    this.show({ kind: "refused", message: answer.code === "PAYLOAD_TOO_LARGE" ? answer.message : PUSH_REFUSED });
  }

  /** Puts the room's board in the scene, whatever this tab drew that it has not taken. */
  private showRoom(): void {
    const elements = restoreElements(boardElements(this.room) as unknown as ExcalidrawElement[], null);
    this.scene?.updateScene({ elements, captureUpdate: CaptureUpdateAction.NEVER });
  }

  /** Elements the board refuses go back to what the room has of them (nothing, for a new one), and the member is told why. */
  private takeBack(refused: readonly ExcalidrawElement[]): void {
    const scene = this.scene;
    if (!scene) return;
    const ids = new Set(refused.map((element) => element.id));
    const elements = scene.getSceneElementsIncludingDeleted().flatMap((element) => {
      if (!ids.has(element.id)) return [element];
      const roomCopy = this.room.elements[element.id];
      return roomCopy ? restoreElements([roomCopy as unknown as ExcalidrawElement], null) : [];
    });
    scene.updateScene({ elements, captureUpdate: CaptureUpdateAction.NEVER });
    this.show({ kind: "refused", message: refusal(refused) });
  }

  private settled(): void {
    if (!this.scene || this.closed || this.status.kind === "refused") return;
    const waiting = this.pending().changed.length > 0;
    this.show(!waiting ? { kind: "saved" } : this.online ? { kind: "saving" } : { kind: "offline" });
  }

  private show(status: BoardStatus): void {
    if (status.kind === this.status.kind && !("message" in status)) return;
    this.status = status;
    this.events.status(status);
  }
}

/** Why the board refused these elements, in a sentence for the member who drew them. */
function refusal(refused: readonly ExcalidrawElement[]): string {
  const kinds = new Set<string>(refused.map((element) => element.type));
  if (kinds.has("image")) return IMAGES_REFUSED;
  if (kinds.has("embeddable") || kinds.has("iframe")) return EMBEDS_REFUSED;
  const issues = refused.flatMap((element) => boardElementSchema.safeParse(element).error?.issues ?? []);
  return issues.some((issue) => issue.path[0] === "link") ? LINK_REFUSED : ELEMENT_REFUSED;
}
