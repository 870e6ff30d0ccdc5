namespace Switchboard.Api.Middleware;

/// <summary>
/// Endpoint metadata: the response carries a secret shown once (a new API key). Idempotency never stores such a body;
/// a retry is told the request was already carried out and where its result is, without the secret.
/// </summary>
public sealed class ShowsSecretOnce;
