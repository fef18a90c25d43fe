import { describe, expect, it } from "vitest";
import { idNumberCheckCharacter, idNumberProblem, maskBankAccount, maskIdNumber, maskPhone } from "./id-number.js";

describe("a resident ID number", () => {
  it("works out the check character as GB 11643 does, X for ten", () => {
    // The standard's own example.
    expect(idNumberCheckCharacter("11010519491231002")).toBe("X");
    expect(idNumberProblem("11010519491231002X")).toBeNull();
  });

  it("names what is wrong: the shape, the birth date, the check character", () => {
    expect(idNumberProblem("11010519491231002")).toBe("ID_NUMBER_SHAPE");
    expect(idNumberProblem("110105194912310021")).toBe("ID_NUMBER_CHECK_DIGIT");
    expect(idNumberProblem(`11010519490231002${idNumberCheckCharacter("11010519490231002")}`)).toBe("ID_NUMBER_BIRTH_DATE");
  });

  it("is masked to the place's digits and the last four; phones and accounts too", () => {
    expect(maskIdNumber("11010519491231002X")).toBe("110105********002X");
    expect(maskPhone("13812345678")).toBe("138****5678");
    expect(maskBankAccount("6217000012345678")).toBe("************5678");
  });
});
