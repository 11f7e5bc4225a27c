import { describe, expect, it } from "vitest";
import { isQuestionLike } from "./recogniser";

describe("questions asked without a question mark, in other languages", () => {
  it("reads Japanese sentence endings and requests as asking", () => {
    expect(isQuestionLike("チームの規模はどのくらいですか")).toBe(true);
    expect(isQuestionLike("どのように評価されるか")).toBe(true);
    expect(isQuestionLike("担当する業務について教えてください。")).toBe(true);
    expect(isQuestionLike("自己紹介をお願いします")).toBe(true);
    expect(isQuestionLike("志望動機をお願いいたします。")).toBe(true);
    expect(isQuestionLike("チームの規模について")).toBe(false);
  });

  it("reads German, French, Portuguese, Spanish and Italian imperatives and question words with their verb as asking", () => {
    for (const asks of [
      "Erklären Sie den Unterschied zwischen Prozess und Thread.",
      "Was ist ein Deadlock",
      "Expliquez le fonctionnement du cache",
      "Qu'est-ce qu'une fermeture",
      "Descreva um projeto recente",
      "O que é uma transação",
      "Cuéntame sobre tu último proyecto",
      "Qué es un índice",
      "Spiega la differenza tra processo e thread",
      "Cos'è una chiusura",
    ]) {
      expect(isQuestionLike(asks), asks).toBe(true);
    }
  });

  it("reads Russian, Vietnamese, Turkish, Polish and Dutch requests and questions without a question mark as asking", () => {
    for (const asks of [
      "Расскажите о проекте, которым вы руководили",
      "Объясните разницу между процессом и потоком",
      "Kể về lần bạn lãnh đạo một dự án",
      "Closure trong JavaScript là gì",
      "Liderlik ettiğin bir projeyi anlat",
      "JDK ile JRE arasındaki farkı açıklayın",
      "Çöp toplayıcı nasıl çalışır",
      "Opisz ostatni projekt, który prowadziłeś",
      "Leg uit hoe een index werkt",
      "트랜잭션의 특성을 설명하세요",
      "请介绍一下你的项目",
    ]) {
      expect(isQuestionLike(asks), asks).toBe(true);
    }
    for (const says of ["Сборка мусора в Java", "Lãnh đạo và sáng kiến", "Çöp toplama ve bellek", "Projekty i zespoły", "Indexen en prestaties"]) {
      expect(isQuestionLike(says), says).toBe(false);
    }
  });

  it("reads a FAQ's 'How to …' title as asking, as 'How do I …' is", () => {
    expect(isQuestionLike("How to define the breaks")).toBe(true);
    expect(isQuestionLike("How to read updated state after dispatch")).toBe(true);
    expect(isQuestionLike("How tomatoes grow")).toBe(false);
  });

  it("does not read titles or statements that start with the same words as asking", () => {
    for (const says of [
      "Das Team und seine Werkzeuge",
      "Wie man Code testet",
      "Comment je travaille ici",
      "Como exemplo, um cache",
      "Come detto prima, il cache",
    ]) {
      expect(isQuestionLike(says), says).toBe(false);
    }
  });

  it("reads a polite request as asking, in English too: 'Please share …', 'Share an example …'", () => {
    expect(isQuestionLike("Please share with us what inclusion means to you.")).toBe(true);
    expect(isQuestionLike("Kindly describe your last project.")).toBe(true);
    expect(isQuestionLike("Share an example of a decision you reversed.")).toBe(true);
    expect(isQuestionLike("Please note that answers vary.")).toBe(false);
  });

  it("reads Chinese asking after its subject, without a question mark", () => {
    for (const asks of ["Arthas 能否跟踪 native 函数", "Arthas 能不能离线使用", "Arthas 怎么使用指定版本，不使用自动升级版本", "这个配置会影响性能吗"]) {
      expect(isQuestionLike(asks), asks).toBe(true);
    }
    for (const says of ["日志文件路径在用户目录下", "无论如何都要先读日志", "方法同名过滤"]) expect(isQuestionLike(says), says).toBe(false);
  });
});
