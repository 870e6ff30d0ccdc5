namespace Switchboard.Api.Http;

public static class EndpointConventions
{
    /// <summary>Documents the problem responses every authenticated endpoint can give (400, 401, 403, 413, 429, 503) plus <paramref name="more"/>.</summary>
    public static RouteHandlerBuilder ProducesStandardProblems(this RouteHandlerBuilder builder, params int[] more)
    {
        int[] standard =
        [
            StatusCodes.Status400BadRequest,
            StatusCodes.Status401Unauthorized,
            StatusCodes.Status403Forbidden,
            StatusCodes.Status413PayloadTooLarge,
            StatusCodes.Status429TooManyRequests,
            StatusCodes.Status503ServiceUnavailable,
        ];
        foreach (var status in standard.Concat(more).Distinct().Order())
        {
            builder.ProducesProblem(status);
        }

        return builder;
    }
}
