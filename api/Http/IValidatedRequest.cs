namespace Switchboard.Api.Http;

/// <summary>
/// A request body that knows its own rules: <see cref="RequestChecks"/> calls <see cref="Validate"/> before the
/// handler runs and answers 422 listing every field that breaks one, so handlers only see valid bodies.
/// </summary>
public interface IValidatedRequest
{
    /// <summary>Adds one error per rule broken; adds nothing when the body is valid.</summary>
    void Validate(ValidationErrors errors);
}
