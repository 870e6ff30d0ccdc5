namespace Switchboard.Api.Http;

/// <summary>
/// The one validation path of every <c>/v1</c> endpoint, run after authorization and before the handler: ids in the
/// path first (400: the address itself is wrong), then each <see cref="IValidatedRequest"/> body (422 listing every field).
/// </summary>
public static class RequestChecks
{
    public static EndpointFilterDelegate Create(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        int[] bodies =
        [
            .. context.MethodInfo.GetParameters()
                .Select((parameter, index) => (parameter, index))
                .Where(p => typeof(IValidatedRequest).IsAssignableFrom(p.parameter.ParameterType))
                .Select(p => p.index),
        ];

        return invocation =>
        {
            foreach (var (name, value) in invocation.HttpContext.Request.RouteValues)
            {
                if (value is string id && RouteIds.IsIdParameter(name) && !RouteIds.IsValid(name, id))
                {
                    return ValueTask.FromResult<object?>(RouteIds.Malformed(name, id));
                }
            }

            ValidationErrors? errors = null;
            foreach (var index in bodies)
            {
                if (invocation.Arguments[index] is IValidatedRequest body)
                {
                    body.Validate(errors ??= new ValidationErrors());
                }
            }

            return errors is { HasErrors: true } ? ValueTask.FromResult<object?>(ApiProblems.Invalid(errors)) : next(invocation);
        };
    }
}
