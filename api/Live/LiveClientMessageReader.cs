using System.Text.Json;

namespace Switchboard.Api.Live;

/// <summary>Reads client messages strictly: anything malformed gets an <c>error</c> message naming what is wrong.</summary>
public static class LiveClientMessageReader
{
    private const int MaxSessionIdLength = 100;

    public static bool TryRead(ReadOnlySpan<byte> utf8, int maxTopics, out LiveClientMessage message, out string code, out string detail)
    {
        message = null!;
        code = "invalid-message";
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8.ToArray(), new JsonDocumentOptions { MaxDepth = 8 });
        }
        catch (JsonException)
        {
            code = "invalid-json";
            detail = "The message is not valid JSON.";
            return false;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("op", out var opElement) || opElement.ValueKind != JsonValueKind.String)
            {
                detail = "A message is a JSON object with a string 'op': subscribe, unsubscribe or ping.";
                return false;
            }

            var op = opElement.GetString()!;
            if (op == LiveClientMessage.Ping)
            {
                message = new LiveClientMessage(op, [], null, null);
                detail = "";
                return true;
            }

            if (op is not (LiveClientMessage.Subscribe or LiveClientMessage.Unsubscribe))
            {
                code = "unknown-op";
                detail = $"Unknown op '{Truncate(op)}': use subscribe, unsubscribe or ping.";
                return false;
            }

            if (!root.TryGetProperty("topics", out var topicsElement) || topicsElement.ValueKind != JsonValueKind.Array)
            {
                detail = $"'{op}' needs 'topics', an array of topic names.";
                return false;
            }

            var count = topicsElement.GetArrayLength();
            if (count > maxTopics)
            {
                detail = $"At most {maxTopics} topics per message.";
                return false;
            }

            var topics = new List<string>(count);
            foreach (var topic in topicsElement.EnumerateArray())
            {
                if (topic.ValueKind != JsonValueKind.String)
                {
                    detail = "Every topic is a string.";
                    return false;
                }

                topics.Add(topic.GetString()!);
            }

            string? session = null;
            if (root.TryGetProperty("session", out var sessionElement) && sessionElement.ValueKind != JsonValueKind.Null)
            {
                if (op != LiveClientMessage.Subscribe || sessionElement.ValueKind != JsonValueKind.String
                    || sessionElement.GetString() is not { Length: > 0 and <= MaxSessionIdLength } id)
                {
                    detail = "'session' is the session id from 'welcome' (subscribe only).";
                    return false;
                }

                session = id;
            }

            long? resumeFrom = null;
            if (root.TryGetProperty("resumeFrom", out var resumeElement) && resumeElement.ValueKind != JsonValueKind.Null)
            {
                if (op != LiveClientMessage.Subscribe || resumeElement.ValueKind != JsonValueKind.Number
                    || !resumeElement.TryGetInt64(out var from) || from < 0)
                {
                    detail = "'resumeFrom' is the last 'seq' the client received, a whole number ≥ 0 (subscribe only).";
                    return false;
                }

                resumeFrom = from;
            }

            if ((resumeFrom is null) != (session is null))
            {
                detail = "'session' and 'resumeFrom' go together: the session from 'welcome' and the last 'seq' received of it (0 if none).";
                return false;
            }

            message = new LiveClientMessage(op, topics, session, resumeFrom);
            detail = "";
            return true;
        }
    }

    private static string Truncate(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
