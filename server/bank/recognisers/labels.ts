import type { QuestionField } from "./recogniser";

/**
 * Every label the importer reads as a part of a question, in one table. A label is matched on its
 * words only (`labelText`: no emphasis, numbering, heading marks or final colon, lower case), so
 * "**Follow-ups**", "**Follow-ups:**", "### Follow-ups" and "- Follow-up: …" are one label.
 * docs/bank-format.md lists the same spellings under "Labels"; labels.test.ts reads that list back
 * and fails when the two disagree.
 */

/** Chinese, Japanese or Korean: a label of one word there is two or three characters ("追问", "要点"). */
export const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/;

/** "Question" in the languages prep documents are written in, as a label before a question ("Вопрос 3:", "Câu hỏi 1:"). */
export const QUESTION_WORDS = String.raw`question|вопрос|pregunta|pergunta|frage|soru|domanda|câu hỏi|pytanie|vraag`;

/** "Answer" in the languages prep documents are written in, as a table's column header ("Câu trả lời", "答案"). */
export const ANSWER_WORDS = String.raw`answer|ответ|respuesta|resposta|réponse|antwort|antwoord|risposta|cevap|câu trả lời|trả lời|đáp án|odpowiedź|答案|回答|解答|답변|정답`;

/** "Question" as a table's column header, in the languages above and in Chinese, Japanese and Korean ("问题", "질문"). */
export const QUESTION_HEADER_WORDS = String.raw`${QUESTION_WORDS}|问题|問題|题目|題目|質問|질문|문제`;

/** Where a label sends what it heads; "examples" stay in the part they illustrate (the statement or the answer). */
export type LabelField = QuestionField | "examples";

export const PART_LABELS: readonly { field: LabelField; pattern: RegExp }[] = [
  {
    field: "answer",
    pattern:
      /^(?:the |a )?(?:(?:sample|model|suggested|reference|example|ideal|short|full|strong|good|expected|detailed|brief) ){0,2}(?:answer|ans|a|solution|response)(?: \(.*\))?$|^(?:candidate |sample |example )?(?:response|answer) (?:paths|examples|levels)$|^(?:sample|example|candidate) responses$/,
  },
  // The same label in the languages prep documents are translated into most.
  {
    field: "answer",
    pattern:
      /^(?:(?:правильный )?ответ|решение|respuesta(?: (?:sólida|modelo|sugerida|ideal))?|rta\.?|resposta(?: (?:modelo|sugerida|ideal))?|réponse|antwort|antwoord|lösung|risposta|cevap|cevabı|(?:câu )?trả lời|đáp án|odpowiedź|jawaban|(?:参考|正确)?答案|答案要点|答题要点|解析|回答|回答例|参考回答|解答|解答例|模範解答|答え|答|정답|답변|답안|(?:모범|예시|핵심|참고) 답변)$/,
  },
  {
    field: "keyPoints",
    pattern: /^key (?:points?|takeaways?|concepts|ideas)(?: to (?:cover|mention|hit))?$|^(?:what|points) to cover$|^talking points$|^must[- ]mention$/,
  },
  {
    field: "keyPoints",
    pattern:
      /^(?:puntos clave|ideas clave|conceptos clave|pontos[- ]chave|conceitos[- ]chave|kernpunkte|schlüsselpunkte|wichtige punkte|points clés|points essentiels|punti chiave|ключевые (?:моменты|идеи|пункты)|основные моменты|要点|关键点|核心要点|重要なポイント|ポイント|핵심 포인트|핵심 정리|요점)$/,
  },
  {
    field: "rubric",
    pattern:
      /^what (?:is )?(?:this|the) question (?:is )?test(?:ing|s)\??$|^what (?:it|this) tests\??$|^what (?:the )?interviewers? (?:is |are )?look(?:s|ing)? for\??$|^good to hear$|^evaluation criteria$|^(?:scoring )?rubric$|^scoring criteria$|^what (?:a )?good answer (?:includes|looks like|covers)$|^assessment criteria$|^(?:things|what) to (?:look out|watch out|look) for(?: (?:during|in) (?:the |an )?interviews?)?$|^look-?fors$|^(?:look|listen) (?:out )?for$|^looking for$|^good signs?$|^what (?:they|we|interviewers?) (?:want|expect|hope) to (?:hear|see)$|^what (?:we|they)(?: are|'re) looking for$|^what good looks like$|^why (?:this (?:question )?is |it(?:'s| is) |we )?ask(?:ed)?$/,
  },
  {
    field: "rubric",
    pattern:
      /^qué (?:evalúa|busca) el entrevistador$|^qué (?:evalúan|buscan|quieren (?:ver|evaluar))$|^o que o entrevistador (?:avalia|procura)$|^o que (?:eles|a banca) (?:querem|quer) (?:testar|ver|avaliar)$|^(?:eles|a banca) (?:querem|quer) ver$|^worauf (?:du |sie |man |wir )?(?:achtest|achten)$|^bewertungskriterien$/,
  },
  {
    field: "notes",
    pattern:
      /^why this is tricky$|^interviewer'?s? notes?$|^notes for (?:the )?interviewer$|^hints?(?: for (?:the )?interviewer)?$|^gotchas?$|^(?:scoring|grading)(?: guide| scale)?$|^score guide$/,
  },
  {
    field: "redFlags",
    pattern:
      /^[^:：]{0,60}?\bred[- ]flags?\b(?! (?:from|in|at|of|about) (?:the )?(?:compan|employer|interviewer|recruiter|job|team))(?! (?:detectors?|questions?|probes?)\b)[^:：]{0,60}$|^(?:common )?(?:mistakes|pitfalls)(?: to avoid)?$|^(?:bad|weak|poor) answers?$|^(?:what )?to avoid$|^avoid$|^(?:what )?not to say$|^don'?t say$|^anti-?patterns$|^bad to hear$|^warning signs?$/,
  },
  {
    field: "redFlags",
    pattern:
      /^(?:errores comunes|señales de alerta|banderas rojas|erros comuns|sinais de alerta|häufige fehler|typische fehler|warnsignale|erreurs (?:courantes|fréquentes)|signaux d'alerte|errori comuni|(?:частые|типичные|распространённые) ошибки|тревожные сигналы|常见错误|常见误区|易错点|よくある(?:間違い|ミス)|흔한 실수|자주 하는 실수)$/,
  },
  { field: "score", pattern: /^(?:interview |example |sample )?score$|^rating$/ },
  { field: "scoreReasons", pattern: /^why this score$|^score (?:rationale|reasons?|justification)$|^why (?:it|this answer) scored/ },
  {
    field: "framework",
    pattern:
      /^(?:framework(?: to answer(?: this question)?)?|how to (?:answer|approach)(?: this(?: question)?)?|answer framework|framework for answering|(?:pro )?tips?(?: for answering)?)(?: \(.*\))?$/,
  },
  {
    field: "followUps",
    pattern:
      /^(?:possible |likely |common |typical |good |suggested |sample |further )?(?:follow[- ]?ups?|follow[- ]?up (?:questions?|probes)|counter-?questions?|probing questions|probes)(?: interviewers? (?:may |might |will )?ask| to (?:expect|ask))?(?: \(.*\))?$/,
  },
  {
    field: "followUps",
    pattern:
      /^(?:preguntas de seguimiento|perguntas de (?:acompanhamento|seguimento)|folgefragen|anschlussfragen|nachfragen|questions de suivi|questions complémentaires|domande di approfondimento|(?:дополнительные|уточняющие) вопросы|追问|追问(?:方向|预案|点)|可能的追问|思考题|进阶|延伸问题|后续问题|扩展问题|追加の質問|フォローアップ(?:の)?(?:質問)?|深掘り(?:質問)?|꼬리 ?질문|추가 질문|후속 질문)$/,
  },
  { field: "examples", pattern: /^(?:worked )?examples?(?: \d{1,2})?$/ },
];

/** The part a label (already reduced by `labelText`) heads, or null when it is not one of the table's. */
export function fieldForLabel(label: string): LabelField | null {
  for (const { pattern, field } of PART_LABELS) if (pattern.test(label)) return field;
  return null;
}

/**
 * A follow-up asked on the label's own line: "**Follow-up Q:** …", "Follow-up: …", "**+1 Depth:** …", "Counter-question: …",
 * "F/U: …", and in Spanish, German, French, Portuguese and Russian ("Repregunta probable: …", "Nachfrage: …").
 */
export const FOLLOW_UP_LINE =
  /^(?:follow[\s-]?up(?:\s+(?:q|question))?\s*#?\d*|\+\d+\s+depth|counter[\s-]?question|f\/u|repregunta(?: probable)?|pregunta de seguimiento|nachfrage|question de suivi|pergunta de acompanhamento|уточняющий вопрос)\s*[:.)]\s*(.*)$/i;
