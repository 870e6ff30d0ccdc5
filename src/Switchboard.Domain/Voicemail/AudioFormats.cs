namespace Switchboard.Domain.Voicemail;

/// <summary>
/// What audio a file is, read from its first bytes (never from its name or declared type): WAV (RIFF/WAVE), Ogg, or
/// MP3 (an ID3 tag or an MPEG audio frame).
/// </summary>
public static class AudioFormats
{
    public const string Wav = "audio/wav";
    public const string Mpeg = "audio/mpeg";
    public const string Ogg = "audio/ogg";

    /// <summary>How many leading bytes <see cref="Sniff"/> needs.</summary>
    public const int HeaderLength = 12;

    /// <summary>The audio type the header shows, or null when it is none of the three.</summary>
    public static string? Sniff(ReadOnlySpan<byte> header)
    {
        if (header.Length >= 12 && header[..4].SequenceEqual("RIFF"u8) && header[8..12].SequenceEqual("WAVE"u8))
        {
            return Wav;
        }

        if (header.Length >= 4 && header[..4].SequenceEqual("OggS"u8))
        {
            return Ogg;
        }

        if (header.Length >= 3 && header[..3].SequenceEqual("ID3"u8))
        {
            return Mpeg;
        }

        // An MPEG audio frame: 11 sync bits, a version and a layer that exist, a bitrate that is not "bad".
        return header.Length >= 3 && header[0] == 0xFF && (header[1] & 0xE0) == 0xE0 && (header[1] & 0x18) != 0x08 && (header[1] & 0x06) != 0
            && (header[2] & 0xF0) != 0xF0
            ? Mpeg
            : null;
    }
}
