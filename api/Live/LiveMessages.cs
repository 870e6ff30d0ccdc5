using System.Buffers;
using System.Buffers.Text;
using System.Text.Json;

namespace Switchboard.Api.Live;

/// <summary>
/// Encodes server messages. A message for many sockets is encoded once, without its <c>seq</c>
/// (<see cref="Body"/>); each session then prefixes its own sequence number (<see cref="WriteSequenced"/>, when sent), so fan-out to
/// thousands of sockets serializes the payload once.
/// </summary>
public static class LiveMessages
{
    private static readonly byte[] SeqPrefix = "{\"seq\":"u8.ToArray();

    /// <summary><c>{"topic","type","at","data"}</c>, to be sequenced per session.</summary>
    public static byte[] Body(string topic, string type, DateTimeOffset at, object data, JsonSerializerOptions json) =>
        Write(w =>
        {
            w.WriteString("topic", topic);
            w.WriteString("type", type);
            w.WriteString("at", at);
            w.WritePropertyName("data");
            JsonSerializer.Serialize(w, data, data.GetType(), json);
        });

    /// <summary><c>{"type":"resync","reason","at"}</c>, sequenced: the snapshots that follow replace everything the client had.</summary>
    public static byte[] Resync(string reason, DateTimeOffset at) =>
        Write(w =>
        {
            w.WriteString("type", "resync");
            w.WriteString("reason", reason);
            w.WriteString("at", at);
        });

    public static int SequencedLength(long seq, byte[] body) => SeqPrefix.Length + Digits(seq) + 1 + body.Length - 1;

    /// <summary>Writes <c>{"seq":N,</c> and the body after its opening brace; returns the length written.</summary>
    public static int WriteSequenced(long seq, byte[] body, Span<byte> destination)
    {
        SeqPrefix.CopyTo(destination);
        Utf8Formatter.TryFormat(seq, destination[SeqPrefix.Length..], out var digits);
        var at = SeqPrefix.Length + digits;
        destination[at++] = (byte)',';
        body.AsSpan(1).CopyTo(destination[at..]);
        return at + body.Length - 1;
    }

    private static int Digits(long value)
    {
        var digits = 1;
        while (value >= 10)
        {
            value /= 10;
            digits++;
        }

        return digits;
    }

    public static byte[] Welcome(string session, long seq, LiveOptions options) =>
        Write(w =>
        {
            w.WriteString("type", "welcome");
            w.WriteString("session", session);
            w.WriteNumber("seq", seq);
            w.WriteNumber("heartbeatSeconds", options.HeartbeatSeconds);
            w.WriteNumber("resumeWindowSeconds", options.ResumeWindowSeconds);
            w.WriteNumber("resumeBufferSize", options.ResumeBufferSize);
        });

    public static byte[] Resumed(string session, long from, long to) =>
        Write(w =>
        {
            w.WriteString("type", "resumed");
            w.WriteString("session", session);
            w.WriteNumber("from", from);
            w.WriteNumber("to", to);
        });

    public static byte[] Subscribed(IEnumerable<string> topics, IEnumerable<(string Topic, string Code, string Detail)> denied) =>
        Write(w =>
        {
            w.WriteString("type", "subscribed");
            w.WriteStartArray("topics");
            foreach (var topic in topics)
            {
                w.WriteStringValue(topic);
            }

            w.WriteEndArray();
            w.WriteStartArray("denied");
            foreach (var (topic, code, detail) in denied)
            {
                w.WriteStartObject();
                w.WriteString("topic", topic);
                w.WriteString("code", code);
                w.WriteString("detail", detail);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        });

    public static byte[] Unsubscribed(IEnumerable<string> topics) =>
        Write(w =>
        {
            w.WriteString("type", "unsubscribed");
            w.WriteStartArray("topics");
            foreach (var topic in topics)
            {
                w.WriteStringValue(topic);
            }

            w.WriteEndArray();
        });

    public static byte[] Error(string code, string detail) =>
        Write(w =>
        {
            w.WriteString("type", "error");
            w.WriteString("code", code);
            w.WriteString("detail", detail);
        });

    public static byte[] Pong(DateTimeOffset at) => Write(w =>
    {
        w.WriteString("type", "pong");
        w.WriteString("at", at);
    });

    public static byte[] Heartbeat(DateTimeOffset at) => Write(w =>
    {
        w.WriteString("type", "heartbeat");
        w.WriteString("at", at);
    });

    private static byte[] Write(Action<Utf8JsonWriter> properties)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            properties(writer);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
