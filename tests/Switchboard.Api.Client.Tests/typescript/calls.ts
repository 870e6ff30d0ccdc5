// Code a TypeScript integrator writes against the types openapi-typescript generates from the committed document.
// It only compiles while the document says what the server sends: fields always present, null only where nullable.
import type { components, paths } from "./generated/switchboard";

type Schemas = components["schemas"];
type Json<P extends keyof paths, M extends keyof paths[P], S extends number> =
  paths[P][M] extends { responses: { [K in S]: { content: { "application/json": infer B } } } } ? B : never;

type AgentState = Json<"/v1/agents/{agentId}/state", "get", 200>;
type StateChange = Json<"/v1/agents/{agentId}/state", "put", 200>;
type SetState = NonNullable<paths["/v1/agents/{agentId}/state"]["put"]["requestBody"]>["content"]["application/json"];
type CreatedInteraction = Json<"/v1/interactions", "post", 201>;
type CreateInteraction = NonNullable<paths["/v1/interactions"]["post"]["requestBody"]>["content"]["application/json"];
type Accepted = Json<"/v1/interactions/{interactionId}/accept", "post", 200>;

const base = "http://127.0.0.1:5080";

async function call<T>(method: string, path: string, key: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ body: T; etag: string | null }> {
  const response = await fetch(base + path, {
    method,
    headers: { Authorization: `Bearer ${key}`, "Content-Type": "application/json", ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { body: (await response.json()) as T, etag: response.headers.get("ETag") };
}

/** The console timer and the next state: nextState is null until a change is asked for during work. */
export async function readState(key: string, agentId: string): Promise<string> {
  const { body, etag } = await call<AgentState>("GET", `/v1/agents/${agentId}/state`, key);
  const state: Schemas["AgentState"] = body.state;
  const since: string = body.since;
  const version: number = body.version;
  const next: Schemas["AgentState"] | null = body.nextState;
  return `${state} since ${since} (v${version}, etag ${etag ?? "none"})` + (next === null ? "" : `, then ${next}`);
}

/** A break asked for during a call is deferred: the response carries it as nextState. */
export async function askForBreak(key: string, agentId: string, etag: string): Promise<boolean> {
  const request: SetState = { state: "Break", reasonCode: "lunch", reason: null };
  const { body } = await call<StateChange>("PUT", `/v1/agents/${agentId}/state`, key, request, { "If-Match": etag });
  const outcome: Schemas["StateChangeOutcome"] = body.outcome;
  return outcome === "Deferred" && body.nextState === "Break" && body.nextReasonCode === "lunch";
}

/** An inbound call into a queue; the offer and consult are null until there is one. */
export async function inboundCall(key: string): Promise<string> {
  const request: CreateInteraction = {
    media: "voice", direction: "inbound", queueId: "support", agentId: null, from: "+390212345678", to: "+390698765432", priority: 5,
  };
  const { body } = await call<CreatedInteraction>("POST", "/v1/interactions", key, request);
  const offerTo: string | null = body.offer === null ? null : body.offer.agentId;
  const consultWith: string | null = body.consult?.agentId ?? null;
  const legs: readonly Schemas["InteractionLegResponse"][] = body.legs;
  return `${body.id} ${body.state} offered to ${offerTo ?? "nobody"}, consult ${consultWith ?? "none"}, ${legs.length} legs`;
}

/** An action on the call: the answer is the whole interaction again. */
export async function accept(key: string, interactionId: string, agentId: string): Promise<Schemas["InteractionState"]> {
  const request: Schemas["InteractionActorRequest"] = { agentId };
  const { body } = await call<Accepted>("POST", `/v1/interactions/${interactionId}/accept`, key, request);
  const handler: string | null = body.handler;
  return handler === agentId ? body.state : "Failed";
}

// The server writes null for these: the types must allow it, or this does not compile.
export const idle = {
  agentId: "a1", state: "Available", reasonCode: null, since: "2026-11-25T09:00:00+00:00", nextState: null, nextReasonCode: null, version: 1,
} satisfies AgentState;
export const noOverflow: Schemas["QueueResponse"]["overflow"] = null;
