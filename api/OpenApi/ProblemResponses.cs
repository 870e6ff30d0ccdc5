using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Switchboard.Api.OpenApi;

/// <summary>Adds problem responses that middleware or the framework give, in the shape the endpoints' own problems have.</summary>
internal static class ProblemResponses
{
    /// <summary>Documents each of <paramref name="statuses"/> the operation does not document yet as <c>application/problem+json</c>, keeping the responses in status order.</summary>
    public static void Add(OpenApiOperation operation, OperationFilterContext context, params int[] statuses)
    {
        operation.Responses ??= [];
        var missing = statuses.Select(s => s.ToString(System.Globalization.CultureInfo.InvariantCulture)).Where(s => !operation.Responses.ContainsKey(s)).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        var schema = context.SchemaGenerator.GenerateSchema(typeof(ProblemDetails), context.SchemaRepository);
        var responses = operation.Responses.ToList();
        responses.AddRange(missing.Select(status => KeyValuePair.Create(status, (IOpenApiResponse)new OpenApiResponse
        {
            Description = ReasonPhrases.GetReasonPhrase(int.Parse(status, System.Globalization.CultureInfo.InvariantCulture)),
            Content = new Dictionary<string, IOpenApiMediaType> { ["application/problem+json"] = new OpenApiMediaType { Schema = schema } },
        })));

        // Success statuses first as the endpoints list them, then problems by number, as in the rest of the document.
        operation.Responses.Clear();
        foreach (var (status, response) in responses.Where(r => !IsProblem(r.Key)).Concat(responses.Where(r => IsProblem(r.Key)).OrderBy(r => r.Key, StringComparer.Ordinal)))
        {
            operation.Responses[status] = response;
        }
    }

    private static bool IsProblem(string status) => status.Length == 3 && status[0] is '4' or '5';
}
