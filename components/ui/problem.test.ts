import { describe, expect, it } from "vitest";
import { fieldMessage, toClientProblem } from "@/components/ui/problem";

describe("a problem's message for one field of a form", () => {
  it("is the field's issue of a BAD_INPUT (or of an item inside it)", () => {
    const problem = toClientProblem(
      {
        code: "BAD_INPUT",
        detail: "Invalid API key — name: give the key a name; scopes.1: a scope is one of …",
        status: 400,
        details: {
          issues: [
            { path: "name", pointer: "/name", message: "give the key a name" },
            { path: "scopes.1", pointer: "/scopes/1", message: "a scope is one of …" },
          ],
        },
      },
      400,
    );
    expect(fieldMessage(problem, "name")).toBe("give the key a name");
    expect(fieldMessage(problem, "scopes")).toBe("a scope is one of …");
    expect(fieldMessage(problem, "mode")).toBeUndefined();
    expect(fieldMessage(problem, "name.first")).toBeUndefined();
  });

  it("is the whole message when the problem's param points at the field", () => {
    const problem = toClientProblem(
      {
        code: "BAD_INPUT",
        detail: "url: the URL must start with https://",
        status: 400,
        param: "/url",
      },
      400,
    );
    expect(fieldMessage(problem, "url")).toBe("url: the URL must start with https://");
    expect(fieldMessage(problem, "events")).toBeUndefined();
  });

  it("is nothing without a problem", () => {
    expect(fieldMessage(null, "url")).toBeUndefined();
  });
});
