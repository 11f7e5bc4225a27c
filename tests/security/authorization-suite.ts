import { padClientOf, padSplice } from "@/tests/support/pad-updates";
import { rectangle } from "@/server/domain/board/test-elements";
import { RUN } from "@/server/domain/room/test-fixtures";
import { processRuntime } from "@/server/platform/process-runtime";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "@/server/api/root";
import type { Db } from "@/server/platform/db/client";
import { clientCommandSchema, type ClientCommand, type Command } from "@/server/domain/room";
import { DEFAULT_COMPETENCIES } from "@/server/domain/scoring/competency-set";
import { PROTOCOL_VERSION, clientPayloadSchemas } from "@/server/realtime/protocol";
import { parseBankDocument } from "@/server/bank/parse-bank-document";
import { importBankFiles } from "@/server/services/bank/upload";
import { acceptInvite, createInvite } from "@/server/services/invites/links";
import { signedLinks } from "@/server/auth/signed-links";
import { inviteByEmail } from "@/server/services/interviews/invitations";
import { scheduleInterview } from "@/server/services/interviews/schedule";
import { savePracticeProfile } from "@/server/services/practice/profile";
import { acceptMatch } from "@/server/services/practice/proposal";
import { leaveQueue } from "@/server/services/practice/queue";
import { TEST_AUTH_SECRET } from "../support/test-auth";
import { fileDatabase, roomCommand } from "../support/db";
import { createAccount, databaseDigest, interviewOf, seedMarkedQuestions, TEST_PASSWORD, tokenOf, type Account } from "../support/fixtures";
import type { HttpSession } from "../support/http-session";
import { AUTHORIZATION_TABLE, CALLERS, type Caller, type Outcome, type Row } from "./authorization-table";

/** A caller as a driver signs them in: the tRPC client to call procedures with. */
export interface Member {
  trpc: HttpSession["trpc"];
}

/** A realtime connection: every event is acknowledged with a Result. */
export interface Connection {
  emit(event: string, payload: unknown): Promise<{ ok: boolean; code?: string }>;
  close(): Promise<void>;
}

/**
 * How the table reaches the app. The suite in npm test drives the real app over HTTP and Socket.IO
 * (tests/security/authorization.test.ts); mutation testing drives the same procedures in process
 * (tests/mutation/), where StrykerJS can see which code each cell runs.
 */
export interface Driver<M extends Member = Member> {
  start(databaseUrl: string, db: Db): Promise<void>;
  stop(): Promise<void>;
  signIn(account: Account): Promise<M>;
  anonymous(): M;
  /** A guest who joined with an invite token, as the join page does. */
  guest(name: string, inviteToken: string): Promise<M>;
  connect(member: M): Promise<Connection | "UNAUTHORIZED">;
  /** The app's error code of a failed procedure call. */
  appCodeOf(error: unknown): string;
}

/** Defines the whole authorisation-table suite for one driver. */
export async function describeAuthorizationTable<M extends Member>(driver: Driver<M>): Promise<void> {
  const database = await fileDatabase();
  const { url: databaseUrl, db } = database;
  const accounts = {} as Record<Exclude<Caller, "anonymous" | "guestCandidate">, Account>;
  const members = new Map<Caller, M>();

  beforeAll(async () => {
    await driver.start(databaseUrl, db);
    for (const caller of ["stranger", "accountCandidate", "otherCandidate", "observer", "coInterviewer", "owner", "otherInterviewer"] as const) {
      accounts[caller] = await createAccount(db, caller);
      members.set(caller, await driver.signIn(accounts[caller]));
    }
    members.set("anonymous", driver.anonymous());
    // Every account can practise the topic.
    await seedMarkedQuestions(db, "practice", { section: PRACTICE_TOPIC });
    for (const account of Object.values(accounts)) {
      await savePracticeProfile(db, account, { topics: [PRACTICE_TOPIC], level: "SENIOR", languages: [], timeZone: null });
    }
    // The other interview, in which otherInterviewer interviews otherCandidate.
    const other = await interviewOf(db, accounts.otherInterviewer, accounts.otherInterviewer, "other");
    await acceptInvite(db, processRuntime().engine, accounts.otherCandidate, other.candidateToken, new Date());
  }, 120_000);

  afterAll(async () => {
    await driver.stop();
    await db.$disconnect();
  });

  let worlds = 0;

  /**
   * What a cell set going that the app's matcher would act on later (a ticket, a match, a running peer
   * session), undone after the cell so that no later cell sees the matcher write.
   */
  const afterCell: Array<() => Promise<unknown>> = [];

  /**
   * A match between the owner (asking first) and the account candidate: proposed to both; accepted by both
   * (the first half running); or accepted with both halves over.
   */
  async function peerMatch(stage: "proposed" | "accepted" | "awaited" | "ended"): Promise<string> {
    const { owner, accountCandidate } = accounts;
    const id = randomUUID();
    await db.peerSession.create({
      data: { id, topic: PRACTICE_TOPIC, firstId: owner.id, secondId: accountCandidate.id, answerBy: new Date(Date.now() + 60_000), halfMinutes: 30 },
    });
    if (stage !== "proposed") for (const peer of [owner, accountCandidate]) await acceptMatch(db, peer.id, id, new Date());
    if (stage === "ended") await db.interviewSession.updateMany({ where: { peerSessionId: id }, data: { status: "ENDED", endedAt: new Date() } });
    // Begun six minutes ago, and nobody has come into its room.
    if (stage === "awaited") await db.interviewSession.updateMany({ where: { peerSessionId: id }, data: { createdAt: new Date(Date.now() - 6 * 60_000) } });
    afterCell.push(async () => {
      await db.interviewSession.updateMany({ where: { peerSessionId: id }, data: { status: "ENDED" } });
      await db.peerSession.updateMany({ where: { id, status: "PROPOSED" }, data: { status: "WITHDRAWN" } });
    });
    return id;
  }

  /** A booking of the owner's, an hour after the slot practice.book books (a slot cancelled once cannot be booked again); cancelled after the cell. */
  async function ownersBooking(): Promise<string> {
    const booking = await db.slotBooking.create({
      data: {
        userId: accounts.owner.id,
        startsAt: new Date(bookableSlot().getTime() + 60 * 60_000),
        topic: PRACTICE_TOPIC,
        level: "MID",
        createdAt: new Date(),
      },
    });
    afterCell.push(() => db.slotBooking.updateMany({ where: { id: booking.id }, data: { cancelledAt: new Date() } }).then(() => undefined));
    return booking.id;
  }

  /**
   * A fresh interview for one cell: two shared questions, the owner's private document, an observer, and a
   * candidate (a guest who joined with the candidate link for the guestCandidate column, else the account
   * candidate). Still planned, or for room commands live on its first question with a note by the owner
   * and one by the observer.
   */
  async function freshWorld(caller: Caller, live: boolean) {
    const tag = `w${++worlds}`;
    const { owner, observer, coInterviewer, accountCandidate } = accounts;
    const world = await interviewOf(db, owner, observer, tag);
    const coInterviewerLink = await createInvite(db, processRuntime().appUrl, owner, { sessionId: world.sessionId, role: "CO_INTERVIEWER" }, new Date());
    await acceptInvite(db, processRuntime().engine, coInterviewer, tokenOf(coInterviewerLink.url), new Date());
    const [imported] = await importBankFiles(db, processRuntime().bankReader, [{ ...smallDocument, name: `private-${tag}.md` }], owner.id);
    if (!imported?.ok) throw new Error("the owner's private document was not imported");
    const privateDocument = await db.bankDocument.findUniqueOrThrow({ where: { id: imported.outcome.documentId }, include: { questions: true } });
    let member = members.get(caller);
    if (caller === "guestCandidate") {
      member = await driver.guest("Guest candidate", world.candidateToken);
    } else {
      await acceptInvite(db, processRuntime().engine, accountCandidate, world.candidateToken, new Date());
    }
    const freshObserverLink = await createInvite(db, processRuntime().appUrl, owner, { sessionId: world.sessionId, role: "OBSERVER" }, new Date());
    // Scheduled, with an observer invited by email (the app under test sends email).
    const startsAtLocal = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 16);
    await scheduleInterview(db, owner, { sessionId: world.sessionId, startsAtLocal, timeZone: "UTC", durationMin: 60, reminders: ["24h"] }, new Date(), true);
    const invitation = await inviteByEmail(
      db,
      signedLinks(TEST_AUTH_SECRET),
      owner,
      { sessionId: world.sessionId, email: `invited-${tag}@example.com`, name: null, role: "OBSERVER" },
      new Date(),
      true,
    );
    // Whom the caller is signed in as: their pad pushes go out under client ids that name them.
    const callerId =
      caller === "guestCandidate"
        ? (await db.participant.findFirstOrThrow({ where: { sessionId: world.sessionId, role: "CANDIDATE" } })).userId
        : caller === "anonymous"
          ? "anonymous"
          : accounts[caller].id;

    const run = (account: Account, command: Command) => roomCommand(database, world.sessionId, account.id, command);
    const noteIds = { owner: "", observer: "", coInterviewer: "" };
    const staff = [
      ["owner", owner],
      ["observer", observer],
      ["coInterviewer", coInterviewer],
    ] as const;
    if (live) {
      for (const [who, account] of staff) await run(account, { type: "join", name: account.name ?? who });
      await run(owner, { type: "start" });
      for (const [who, account] of staff) {
        const [added] = (await run(account, { type: "addNote", body: `${who}'s note` })).events;
        noteIds[who] = added?.event.type === "noteAdded" ? added.event.payload.noteId : "";
      } // In the call, as a call signal's target.
      for (const [account, connectionId] of [
        [owner, OWNER_TAB],
        [coInterviewer, CO_INTERVIEWER_TAB],
      ] as const) {
        await run(account, { type: "joinCall", connectionId, media: { audio: true, video: true } });
      }
    }
    const [q1, q2] = await db.sessionQuestion.findMany({ where: { sessionId: world.sessionId }, orderBy: { position: "asc" } });
    const firstFollowUp = (q1?.snapshot as { followUps: Array<{ id: string }> }).followUps[0]?.id ?? "";
    return {
      ...world,
      member: member ?? driver.anonymous(),
      callerId,
      observerId: observer.id,
      staffIds: { owner: owner.id, coInterviewer: coInterviewer.id },
      privateDocumentId: privateDocument.id,
      privateQuestionId: privateDocument.questions[0]?.id ?? "",
      sharedDocumentId: (await db.bankQuestion.findUniqueOrThrow({ where: { id: world.questionIds[0] ?? "" } })).documentId,
      freshObserverToken: tokenOf(freshObserverLink.url),
      invitationId: invitation.id,
      q1: q1?.id ?? "",
      q2: q2?.id ?? "",
      firstFollowUp,
      firstCompetency: (q1?.snapshot as { rubric: Array<{ competency?: { key: string } }> }).rubric[0]?.competency?.key ?? "",
      ownNoteId: ownNote(caller, noteIds),
      noteIds,
      /** Whom the caller's call signal goes to: the owner's tab, or the co-interviewer's when the owner sends it. */
      callee: calleeFor(caller, { owner: owner.id, coInterviewer: coInterviewer.id }),
      moveOwnerTo: (questionId: string) => run(owner, { type: "goToQuestion", questionId }),
      /** Ends the interview with every criterion of the first question rated by every member of staff. */
      endRated: async () => {
        const rubric = (q1?.snapshot as { rubric: unknown[] }).rubric;
        for (const [, account] of staff) {
          for (const criterion of rubric.keys()) {
            await run(account, { type: "rateCriterion", questionId: q1?.id ?? "", criterion, rating: 3, comment: "", evidence: [] });
          }
        }
        await run(owner, { type: "end" });
      },
      /** …and the owner's card submitted and released to the candidate with its scores. */
      releaseScores: async () => {
        await run(owner, { type: "submitScorecard" });
        await run(owner, { type: "releaseFeedback", text: "Well done", includeScores: true });
      },
    };
  }

  type World = Awaited<ReturnType<typeof freshWorld>>;

  /**
   * A cell whose call may write (an allowed write, or an allowed call after a prelude) gets an interview of its own. The others of a row share
   * one, since each of them must leave it exactly as it found it: that is what they assert. The guest
   * candidate's column always has its own, as the guest is that interview's candidate.
   */
  const sharedWorlds = new Map<string, Promise<World>>();
  function worldFor(row: Row, caller: Caller): Promise<World> {
    const live = row.surface === "command" || Object.hasOwn(preludes, row.name);
    // A prelude that succeeds changes the world too (the caller's tab takes the call over).
    const changes = (row.writes || Object.hasOwn(preludes, row.name)) && row.cells[caller] === "allowed";
    if (caller === "guestCandidate" || changes) return freshWorld(caller, live);
    const key = `${row.surface}:${row.name}`;
    const shared = sharedWorlds.get(key) ?? freshWorld("stranger", live);
    sharedWorlds.set(key, shared);
    return shared.then((world) => ({
      ...world,
      member: members.get(caller) ?? driver.anonymous(),
      callerId: caller === "anonymous" ? "anonymous" : (accounts[caller as keyof typeof accounts]?.id ?? "anonymous"),
      ownNoteId: ownNote(caller, world.noteIds),
      callee: calleeFor(caller, world.staffIds),
    }));
  }

  /** An account link's token of the right shape, signed with a key that is not the server's. */
  const FORGED_LINK = `${Buffer.from(randomUUID()).toString("base64url")}.${Buffer.from(randomUUID()).toString("base64url")}`;

  const correction = { prompt: "Corrected?", followUps: [], rubric: [{ title: "Depth", lookFor: [] }] };

  /** What a procedure's cell needs made before the call (outside the database comparison): a match's id. */
  const procedureSetups: Record<string, () => Promise<string>> = {
    "practice.accept": () => peerMatch("proposed"),
    "practice.decline": () => peerMatch("proposed"),
    "practice.swap": () => peerMatch("accepted"),
    "practice.block": () => peerMatch("proposed"),
    "practice.session": () => peerMatch("ended"),
    "practice.submitFeedback": () => peerMatch("ended"),
    "practice.report": () => peerMatch("ended"),
    "practice.leaveNoShow": () => peerMatch("awaited"),
    "practice.cancelBooking": () => ownersBooking(),
  };

  /** How each tRPC procedure is called in a cell. */
  const procedureCalls: Record<string, (s: Member, w: World, prepared: string) => Promise<unknown>> = {
    "account.signUp": (s) =>
      s.trpc.account.signUp.mutate({ name: "New person", email: `new-${randomUUID().slice(0, 8)}@example.com`, password: "long enough password" }),
    "account.requestPasswordReset": (s, w) => s.trpc.account.requestPasswordReset.mutate({ email: `${w.callerId}@example.com` }),
    "account.resetPassword": (s) => s.trpc.account.resetPassword.mutate({ token: FORGED_LINK, password: "long enough password" }),
    "account.verifyEmail": (s) => s.trpc.account.verifyEmail.mutate({ token: FORGED_LINK }),
    "account.confirmEmailChange": (s) => s.trpc.account.confirmEmailChange.mutate({ token: FORGED_LINK }),
    "account.me": (s) => s.trpc.account.me.query(),
    "account.resendVerification": (s) => s.trpc.account.resendVerification.mutate(),
    "account.requestEmailChange": (s) =>
      s.trpc.account.requestEmailChange.mutate({ newEmail: `moved-${randomUUID().slice(0, 8)}@example.com`, password: TEST_PASSWORD }),
    "account.updateProfile": (s) => s.trpc.account.updateProfile.mutate({ name: "Renamed", timeZone: "Europe/Paris" }),
    "email.unsubscribe": (s) => s.trpc.email.unsubscribe.mutate({ token: FORGED_LINK }),
    "dashboard.summary": (s) => s.trpc.dashboard.summary.query(),
    "practice.topics": (s) => s.trpc.practice.topics.query(),
    "practice.profile": (s) => s.trpc.practice.profile.query(),
    "practice.saveProfile": (s) =>
      s.trpc.practice.saveProfile.mutate({ topics: [PRACTICE_TOPIC], level: "MID", languages: ["English"], timeZone: "Europe/Paris" }),
    "practice.status": (s) => s.trpc.practice.status.query(),
    "practice.join": (s, w) => {
      afterCell.push(() => leaveQueue(db, w.callerId, new Date()));
      return s.trpc.practice.join.mutate({ topic: PRACTICE_TOPIC });
    },
    "practice.leave": (s) => s.trpc.practice.leave.mutate(),
    "practice.slots": (s) => s.trpc.practice.slots.query({ topic: PRACTICE_TOPIC }),
    "practice.book": async (s, w) => {
      afterCell.push(() => db.slotBooking.updateMany({ where: { userId: w.callerId }, data: { cancelledAt: new Date() } }).then(() => undefined));
      return s.trpc.practice.book.mutate({ startsAt: bookableSlot(), topic: PRACTICE_TOPIC });
    },
    "practice.cancelBooking": (s, _w, booking) => s.trpc.practice.cancelBooking.mutate({ bookingId: booking }),
    "practice.stillHere": (s) => s.trpc.practice.stillHere.mutate(),
    "practice.accept": (s, _w, match) => s.trpc.practice.accept.mutate({ proposalId: match }),
    "practice.decline": (s, _w, match) => s.trpc.practice.decline.mutate({ proposalId: match }),
    "practice.swap": (s, _w, match) => s.trpc.practice.swap.mutate({ peerSessionId: match }),
    "practice.block": (s, _w, match) => s.trpc.practice.block.mutate({ peerSessionId: match }),
    "practice.session": (s, _w, match) => s.trpc.practice.session.query({ peerSessionId: match }),
    "practice.sessions": (s) => s.trpc.practice.sessions.query(),
    "practice.report": (s, _w, match) => s.trpc.practice.report.mutate({ peerSessionId: match, reason: "Rude throughout" }),
    "practice.leaveNoShow": (s, _w, match) => s.trpc.practice.leaveNoShow.mutate({ peerSessionId: match }),
    "practice.submitFeedback": (s, _w, match) =>
      s.trpc.practice.submitFeedback.mutate({
        peerSessionId: match,
        ratings: [3],
        communication: 4,
        problemSolving: 3,
        strengths: "Clear",
        improve: "Go deeper",
      }),
    "bank.search": (s) => s.trpc.bank.search.query({}),
    "bank.facets": (s) => s.trpc.bank.facets.query(),
    "bank.export": (s) => s.trpc.bank.export.query(),
    "bank.question": (s, w) => s.trpc.bank.question.query({ id: w.questionIds[0] ?? "" }),
    "bank.preview": (s) => s.trpc.bank.preview.mutate({ files: [smallDocument] }),
    "bank.previewCorrection": (s) => s.trpc.bank.previewCorrection.mutate({ document: previewed, question: previewedQuestion(), correction }),
    "bank.import": (s) => s.trpc.bank.import.mutate({ files: [smallDocument] }),
    "bank.copyDocument": (s, w) => s.trpc.bank.copyDocument.mutate({ documentId: w.sharedDocumentId }),
    "bank.updateQuestion": (s, w) => s.trpc.bank.updateQuestion.mutate({ id: w.privateQuestionId, ...correction }),
    "bank.updateCompetencies": (s, w) =>
      s.trpc.bank.updateCompetencies.mutate({
        documentId: w.privateDocumentId,
        competencies: DEFAULT_COMPETENCIES.map((competency) => (competency.key === "security" ? { ...competency, name: "Application security" } : competency)),
      }),
    "bank.deleteDocument": (s, w) => s.trpc.bank.deleteDocument.mutate({ documentId: w.privateDocumentId }),
    "interview.create": (s, w) => s.trpc.interview.create.mutate({ title: "Mine", items: [{ bankQuestionId: w.questionIds[0] ?? "", timeBoxSec: null }] }),
    "interview.list": (s) => s.trpc.interview.list.query(),
    "interview.templates": (s) => s.trpc.interview.templates.query(),
    "interview.myRole": (s, w) => s.trpc.interview.myRole.query({ sessionId: w.sessionId }),
    "interview.plan": (s, w) => s.trpc.interview.plan.query({ sessionId: w.sessionId }),
    "interview.updatePlan": (s, w) =>
      s.trpc.interview.updatePlan.mutate({ sessionId: w.sessionId, title: "Changed", items: [{ bankQuestionId: w.questionIds[1] ?? "", timeBoxSec: 300 }] }),
    "interview.createInvite": (s, w) => s.trpc.interview.createInvite.mutate({ sessionId: w.sessionId, role: "OBSERVER" }),
    "interview.revokeInvite": (s, w) => s.trpc.interview.revokeInvite.mutate({ inviteId: w.observerInviteId }),
    "interview.removeParticipant": (s, w) => s.trpc.interview.removeParticipant.mutate({ sessionId: w.sessionId, userId: w.observerId }),
    "interview.saveTemplate": (s, w) => s.trpc.interview.saveTemplate.mutate({ sessionId: w.sessionId, title: "Template" }),
    "interview.delete": (s, w) => s.trpc.interview.delete.mutate({ sessionId: w.sessionId }),
    "interview.schedule": (s, w) =>
      s.trpc.interview.schedule.mutate({
        sessionId: w.sessionId,
        startsAtLocal: new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 16),
        timeZone: "UTC",
        durationMin: 45,
        reminders: [],
      }),
    "interview.cancel": (s, w) => s.trpc.interview.cancel.mutate({ sessionId: w.sessionId }),
    "interview.inviteByEmail": (s, w) =>
      s.trpc.interview.inviteByEmail.mutate({ sessionId: w.sessionId, email: "another-observer@example.com", name: "Ob Server", role: "OBSERVER" }),
    "interview.withdrawInvitation": (s, w) => s.trpc.interview.withdrawInvitation.mutate({ invitationId: w.invitationId }),
    "review.history": (s) => s.trpc.review.history.query({}),
    "review.progress": (s) => s.trpc.review.progress.query(),
    "review.session": (s, w) => s.trpc.review.session.query({ sessionId: w.sessionId }),
    "review.replay": (s, w) => s.trpc.review.replay.query({ sessionId: w.sessionId, perspective: "candidate" }),
    "review.export": (s, w) => s.trpc.review.export.query({ sessionId: w.sessionId, format: "json" }),
    "review.setHidden": (s, w) => s.trpc.review.setHidden.mutate({ sessionId: w.sessionId, hidden: true }),
    "invite.describe": (s, w) => s.trpc.invite.describe.query({ token: w.candidateToken }),
    "invite.accept": (s, w) => s.trpc.invite.accept.mutate({ token: w.freshObserverToken }),
    "rtc.iceServers": (s, w) => s.trpc.rtc.iceServers.query({ sessionId: w.sessionId }),
  };

  /** The payload of each Socket.IO event, and of each room command, in a cell. */
  const socketPayloads: Record<string, (w: World) => unknown> = {
    "room:join": (w) => ({ protocolVersion: PROTOCOL_VERSION, sessionId: w.sessionId, lastSeq: null }),
    "room:leave": (w) => ({ sessionId: w.sessionId }),
    "time:sync": () => ({ clientSentAt: Date.now() }),
    "call:signal": (w) => ({
      sessionId: w.sessionId,
      to: w.callee.userId,
      toConnection: w.callee.connectionId,
      fromConnection: CELL_TAB,
      signal: { kind: "candidate", candidate: { candidate: "candidate:1 1 udp 2122260223 192.0.2.1 54400 typ host", sdpMid: "0", sdpMLineIndex: 0 } },
    }),
    "pad:pull": (w) => ({ sessionId: w.sessionId, questionId: w.q1, since: 0 }),
    "pad:cursor": (w) => ({ sessionId: w.sessionId, questionId: w.q1, revision: 0, ranges: [{ from: 0, to: 0 }], highlight: null }),
    "board:pointer": (w) => ({ sessionId: w.sessionId, questionId: w.q1, x: 120, y: -40, button: "down", tool: "laser" }),
  };

  /**
   * Room commands a cell sends on its own connection after joining the room and before the call it
   * checks (outside the database comparison): the call's commands and signals need the caller in the call.
   */
  const preludes: Record<string, ClientCommand[]> = {
    leaveCall: [JOIN_CALL],
    setCallMedia: [JOIN_CALL],
    "call:signal": [JOIN_CALL],
    // The pad's events are for members in the room: the cell joins it first.
    "pad:pull": [],
    "pad:cursor": [],
    "board:pointer": [],
  };

  /** A payload for every command a client may send: the compiler asks for a new command's entry. */
  const commands: { [T in ClientCommand["type"]]: (w: World) => Extract<ClientCommand, { type: T }> | Promise<Extract<ClientCommand, { type: T }>> } = {
    setPresence: () => ({ type: "setPresence", status: "away" }),
    start: () => ({ type: "start" }),
    nextQuestion: (w) => ({ type: "nextQuestion", fromQuestionId: w.q1 }),
    previousQuestion: async (w) => {
      await w.moveOwnerTo(w.q2);
      return { type: "previousQuestion", fromQuestionId: w.q2 };
    },
    goToQuestion: (w) => ({ type: "goToQuestion", questionId: w.q2 }),
    revealFollowUp: (w) => ({ type: "revealFollowUp", questionId: w.q1, followUpId: w.firstFollowUp }),
    setKeyPointChecked: (w) => ({ type: "setKeyPointChecked", questionId: w.q1, index: 0, checked: true }),
    rateCriterion: (w) => ({ type: "rateCriterion", questionId: w.q1, criterion: 0, rating: 2, comment: "partial", evidence: [] }),
    setRedFlags: (w) => ({ type: "setRedFlags", questionId: w.q1, redFlags: [], customRedFlags: ["guessed"] }),
    setQuestionOverall: (w) => ({ type: "setQuestionOverall", questionId: w.q1, overall: 6, comment: "" }),
    setSummary: () => ({ type: "setSummary", recommendation: "yes", takeaways: "", strengths: "", improvements: "" }),
    submitScorecard: async (w) => {
      await w.endRated();
      return { type: "submitScorecard" };
    },
    setCompetencyWeights: (w) => ({ type: "setCompetencyWeights", weights: [{ competency: w.firstCompetency, weight: 2 }] }),
    draftFeedback: () => ({ type: "draftFeedback", text: "So far, so good" }),
    releaseFeedback: async (w) => {
      await w.endRated();
      return { type: "releaseFeedback", text: "Thank you", includeScores: false };
    },
    finishSelfAssessment: async (w) => {
      await w.endRated();
      await w.releaseScores();
      return { type: "finishSelfAssessment", ratings: [] };
    },
    end: () => ({ type: "end" }),
    addNote: () => ({ type: "addNote", body: "a note" }),
    editNote: (w) => ({ type: "editNote", noteId: w.ownNoteId, body: "edited" }),
    deleteNote: (w) => ({ type: "deleteNote", noteId: w.ownNoteId }),
    addTestCase: (w) => ({ type: "addTestCase", questionId: w.q1, test: { name: "empty input", input: "[[]]", expected: "0" } }),
    recordRun: (w) => ({ type: "recordRun", questionId: w.q1, run: RUN(`run-${randomUUID()}`) }),
    editScratchpad: (w) => ({ type: "editScratchpad", questionId: w.q1, baseRevision: 0, updates: [padSplice(0, 0, 0, "my answer", padClientOf(w.callerId))] }),
    drawOnBoard: (w) => ({ type: "drawOnBoard", questionId: w.q1, elements: [rectangle({ id: `shape-${randomUUID().slice(0, 8)}` })] }),
    joinCall: () => JOIN_CALL,
    leaveCall: () => ({ type: "leaveCall", connectionId: CELL_TAB }),
    // Sharing a screen sends media: observers may not, unless the owner lets them speak.
    setCallMedia: () => ({ type: "setCallMedia", connectionId: CELL_TAB, screen: true }),
    setCallPolicy: () => ({ type: "setCallPolicy", observersMaySpeak: true }),
  };

  async function joinWithPrelude(connection: { emit(event: string, payload: unknown): Promise<unknown> }, sessionId: string, name: string): Promise<void> {
    await connection.emit("room:join", { protocolVersion: PROTOCOL_VERSION, sessionId, lastSeq: null });
    for (const command of preludes[name] ?? []) await connection.emit("room:command", { sessionId, idempotencyKey: randomUUID(), command });
  }

  /** Runs one cell; returns the outcome and whether the database changed during the call itself. */
  async function runCell(row: Row, caller: Caller): Promise<{ outcome: string; wrote: boolean }> {
    const world = await worldFor(row, caller);
    if (row.surface === "trpc") {
      const call = procedureCalls[row.name];
      if (!call) throw new Error(`no call for ${row.name}`);
      const prepared = (await procedureSetups[row.name]?.()) ?? "";
      const before = await databaseDigest(db);
      let outcome = "allowed";
      await call(world.member, world, prepared).catch((error: unknown) => {
        outcome = driver.appCodeOf(error);
      });
      const wrote = (await databaseDigest(db)) !== before;
      for (const undo of afterCell.splice(0)) await undo();
      return { outcome, wrote };
    }

    const connection = await driver.connect(world.member);
    if (connection === "UNAUTHORIZED") return { outcome: "UNAUTHORIZED", wrote: false };
    try {
      let payload: unknown;
      let event = row.name;
      if (row.surface === "command") {
        const command = Object.hasOwn(commands, row.name) ? commands[row.name as ClientCommand["type"]] : undefined;
        if (!command) throw new Error(`no command for ${row.name}`);
        // Built first: building may set the room up (previousQuestion moves it on), and the join then
        // reads the room as the set-up left it.
        const built = await command(world);
        await joinWithPrelude(connection, world.sessionId, row.name);
        payload = { sessionId: world.sessionId, idempotencyKey: randomUUID(), command: built };
        event = "room:command";
      } else {
        const build = socketPayloads[row.name];
        if (!build) throw new Error(`no payload for ${row.name}`);
        if (Object.hasOwn(preludes, row.name)) await joinWithPrelude(connection, world.sessionId, row.name);
        payload = build(world);
      }
      const before = await databaseDigest(db);
      const ack = await connection.emit(event, payload);
      const wrote = (await databaseDigest(db)) !== before;
      return { outcome: ack.ok ? "allowed" : (ack.code ?? "?"), wrote };
    } finally {
      // Leaving with an acknowledgement records the departure now, not after the next cell has begun.
      await connection.emit("room:leave", { sessionId: world.sessionId }).catch(() => undefined);
      await connection.close();
    }
  }

  describe("the authorisation table", () => {
    it("has a row for every tRPC procedure, Socket.IO event and room command, and nothing else", () => {
      const procedures = Object.keys(appRouter._def.procedures).sort();
      // room:command is the command rows' event.
      const events = Object.keys(clientPayloadSchemas)
        .filter((event) => event !== "room:command")
        .sort();
      const commandTypes = clientCommandSchema.options.map((option) => option.shape.type.value).sort();
      const rows = (surface: Row["surface"]) =>
        AUTHORIZATION_TABLE.filter((row) => row.surface === surface)
          .map((row) => row.name)
          .sort();
      expect(rows("trpc")).toEqual(procedures);
      expect(rows("socket")).toEqual(events);
      expect(rows("command")).toEqual(commandTypes);
      expect(Object.keys(procedureCalls).sort()).toEqual(procedures);
      expect(Object.keys(socketPayloads).sort()).toEqual(events);
      expect(Object.keys(commands).sort()).toEqual(commandTypes);
    });

    for (const row of AUTHORIZATION_TABLE) {
      describe(`${row.surface} ${row.name}`, () => {
        for (const caller of CALLERS) {
          const expected: Outcome = row.cells[caller];
          it(`${caller}: ${expected}`, async () => {
            const { outcome, wrote } = await runCell(row, caller);
            expect(outcome).toBe(expected);
            if (expected !== "allowed") expect(wrote, "a refused call wrote to the database").toBe(false);
            else if (row.writes) expect(wrote, "an allowed write changed nothing").toBe(true);
          });
        }
      });
    }
  });
}

/** The tabs in the call in a cell: the caller's, and the owner's and co-interviewer's in the live world. */
const CELL_TAB = "cell_tab_0001";
const OWNER_TAB = "owner_tab_0001";
const CO_INTERVIEWER_TAB = "co_interviewer_tab_0001";
const JOIN_CALL = { type: "joinCall" as const, connectionId: CELL_TAB, media: { audio: false, video: false } } satisfies ClientCommand;

function calleeFor(caller: Caller, staff: { owner: string; coInterviewer: string }): { userId: string; connectionId: string } {
  return caller === "owner" ? { userId: staff.coInterviewer, connectionId: CO_INTERVIEWER_TAB } : { userId: staff.owner, connectionId: OWNER_TAB };
}

/** The note a caller wrote in the live world (the owner's, for callers who write none). */
function ownNote(caller: Caller, noteIds: { owner: string; observer: string; coInterviewer: string }): string {
  return caller === "observer" ? noteIds.observer : caller === "coInterviewer" ? noteIds.coInterviewer : noteIds.owner;
}

const PRACTICE_TOPIC = "Practice topic";

const smallDocument = {
  name: "mine.md",
  encoding: "text" as const,
  content: "# Mine\n\n## 1. What does a write-ahead log buy you?\n\n**Difficulty:** Medium\n\nDurability before the data pages are written.\n",
};
/** The small document as its preview shows it, for correcting one of its questions. */
const previewed = parseBankDocument({ bytes: new TextEncoder().encode(smallDocument.content), sourceFile: smallDocument.name });
function previewedQuestion() {
  const [question] = previewed.questions;
  if (!question) throw new Error("the small document has no question");
  return question;
}

/** A slot three hours ahead, on the hour: bookable whenever the suite runs. */
function bookableSlot(): Date {
  const hour = 60 * 60_000;
  return new Date(Math.ceil((Date.now() + 3 * hour) / hour) * hour);
}
