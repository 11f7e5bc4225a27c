import { router } from "@/server/api/trpc";
import { signUp } from "@/server/api/routers/account/sign-up";
import { requestPasswordReset } from "@/server/api/routers/account/request-password-reset";
import { resetPassword } from "@/server/api/routers/account/reset-password";
import { verifyEmail } from "@/server/api/routers/account/verify-email";
import { resendVerification } from "@/server/api/routers/account/resend-verification";
import { requestEmailChange } from "@/server/api/routers/account/request-email-change";
import { confirmEmailChange } from "@/server/api/routers/account/confirm-email-change";
import { me } from "@/server/api/routers/account/me";
import { updateProfile } from "@/server/api/routers/account/update-profile";
import { emailUnsubscribe } from "@/server/api/routers/email/unsubscribe";
import { dashboardSummary } from "@/server/api/routers/dashboard/summary";
import { rtcIceServers } from "@/server/api/routers/rtc/ice-servers";
import { bankSearch } from "@/server/api/routers/bank/search";
import { bankFacets } from "@/server/api/routers/bank/facets";
import { bankQuestion } from "@/server/api/routers/bank/question";
import { bankPreview } from "@/server/api/routers/bank/preview";
import { bankPreviewCorrection } from "@/server/api/routers/bank/preview-correction";
import { bankImport } from "@/server/api/routers/bank/import";
import { bankUpdateQuestion } from "@/server/api/routers/bank/update-question";
import { bankUpdateCompetencies } from "@/server/api/routers/bank/update-competencies";
import { bankCopyDocument } from "@/server/api/routers/bank/copy-document";
import { bankDeleteDocument } from "@/server/api/routers/bank/delete-document";
import { bankExport } from "@/server/api/routers/bank/export";
import { interviewCreate } from "@/server/api/routers/interview/create";
import { interviewCreateInvite } from "@/server/api/routers/interview/create-invite";
import { interviewList } from "@/server/api/routers/interview/list";
import { interviewMyRole } from "@/server/api/routers/interview/my-role";
import { interviewPlan } from "@/server/api/routers/interview/plan";
import { interviewRemoveParticipant } from "@/server/api/routers/interview/remove-participant";
import { interviewRevokeInvite } from "@/server/api/routers/interview/revoke-invite";
import { interviewSaveTemplate } from "@/server/api/routers/interview/save-template";
import { interviewTemplates } from "@/server/api/routers/interview/templates";
import { interviewUpdatePlan } from "@/server/api/routers/interview/update-plan";
import { interviewDelete } from "@/server/api/routers/interview/delete";
import { interviewSchedule } from "@/server/api/routers/interview/schedule";
import { interviewCancel } from "@/server/api/routers/interview/cancel";
import { interviewInviteByEmail } from "@/server/api/routers/interview/invite-by-email";
import { interviewWithdrawInvitation } from "@/server/api/routers/interview/withdraw-invitation";
import { reviewExport } from "@/server/api/routers/review/export";
import { reviewHistory } from "@/server/api/routers/review/history";
import { reviewProgress } from "@/server/api/routers/review/progress";
import { reviewReplay } from "@/server/api/routers/review/replay";
import { reviewSession } from "@/server/api/routers/review/session";
import { reviewSetHidden } from "@/server/api/routers/review/hide";
import { inviteAccept } from "@/server/api/routers/invite/accept";
import { inviteDescribe } from "@/server/api/routers/invite/describe";
import { practiceTopicsProcedure } from "@/server/api/routers/practice/topics";
import { practiceProfile } from "@/server/api/routers/practice/profile";
import { practiceSaveProfile } from "@/server/api/routers/practice/save-profile";
import { practiceStatusProcedure } from "@/server/api/routers/practice/status";
import { practiceJoin } from "@/server/api/routers/practice/join";
import { practiceLeave } from "@/server/api/routers/practice/leave";
import { practiceStillHere } from "@/server/api/routers/practice/still-here";
import { practiceAccept } from "@/server/api/routers/practice/accept";
import { practiceDecline } from "@/server/api/routers/practice/decline";
import { practiceSwap } from "@/server/api/routers/practice/swap";
import { practiceBlock } from "@/server/api/routers/practice/block";
import { practiceSession } from "@/server/api/routers/practice/session";
import { practiceSessions } from "@/server/api/routers/practice/sessions";
import { practiceReport } from "@/server/api/routers/practice/report";
import { practiceLeaveNoShow } from "@/server/api/routers/practice/leave-no-show";
import { practiceSubmitFeedback } from "@/server/api/routers/practice/submit-feedback";
import { practiceBook, practiceCancelBooking, practiceSlots } from "@/server/api/routers/practice/slots";

export const appRouter = router({
  account: router({ signUp, requestPasswordReset, resetPassword, verifyEmail, resendVerification, requestEmailChange, confirmEmailChange, me, updateProfile }),
  dashboard: router({ summary: dashboardSummary }),
  email: router({ unsubscribe: emailUnsubscribe }),
  practice: router({
    topics: practiceTopicsProcedure,
    profile: practiceProfile,
    saveProfile: practiceSaveProfile,
    status: practiceStatusProcedure,
    join: practiceJoin,
    leave: practiceLeave,
    stillHere: practiceStillHere,
    accept: practiceAccept,
    decline: practiceDecline,
    swap: practiceSwap,
    block: practiceBlock,
    session: practiceSession,
    sessions: practiceSessions,
    submitFeedback: practiceSubmitFeedback,
    report: practiceReport,
    leaveNoShow: practiceLeaveNoShow,
    slots: practiceSlots,
    book: practiceBook,
    cancelBooking: practiceCancelBooking,
  }),
  bank: router({
    search: bankSearch,
    facets: bankFacets,
    question: bankQuestion,
    export: bankExport,
    preview: bankPreview,
    previewCorrection: bankPreviewCorrection,
    import: bankImport,
    updateQuestion: bankUpdateQuestion,
    updateCompetencies: bankUpdateCompetencies,
    copyDocument: bankCopyDocument,
    deleteDocument: bankDeleteDocument,
  }),
  interview: router({
    create: interviewCreate,
    list: interviewList,
    plan: interviewPlan,
    updatePlan: interviewUpdatePlan,
    createInvite: interviewCreateInvite,
    revokeInvite: interviewRevokeInvite,
    removeParticipant: interviewRemoveParticipant,
    myRole: interviewMyRole,
    saveTemplate: interviewSaveTemplate,
    templates: interviewTemplates,
    delete: interviewDelete,
    schedule: interviewSchedule,
    cancel: interviewCancel,
    inviteByEmail: interviewInviteByEmail,
    withdrawInvitation: interviewWithdrawInvitation,
  }),
  review: router({
    history: reviewHistory,
    session: reviewSession,
    replay: reviewReplay,
    export: reviewExport,
    setHidden: reviewSetHidden,
    progress: reviewProgress,
  }),
  invite: router({ describe: inviteDescribe, accept: inviteAccept }),
  // WebRTC: "call" is a name tRPC reserves (a router cannot have it).
  rtc: router({ iceServers: rtcIceServers }),
});

export type AppRouter = typeof appRouter;
