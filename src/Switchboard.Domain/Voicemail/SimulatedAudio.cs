using System.Buffers.Binary;

namespace Switchboard.Domain.Voicemail;

/// <summary>Audio for simulated callers: a quiet tone in a WAV file (8 kHz, 8-bit, mono), so that players have something to play.</summary>
public static class SimulatedAudio
{
    /// <summary>The longest tone made, whatever the message's length: a simulated recording stays small.</summary>
    public const int MaxSeconds = 60;

    private const int SampleRate = 8_000;
    private const int HeaderBytes = 44;

    /// <summary>A WAV of <paramref name="seconds"/> (1 to <see cref="MaxSeconds"/>) of a 440 Hz tone.</summary>
    public static byte[] Tone(int seconds)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(seconds, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(seconds, MaxSeconds);
        var samples = seconds * SampleRate;
        var wav = new byte[HeaderBytes + samples];
        var span = wav.AsSpan();
        "RIFF"u8.CopyTo(span);
        BinaryPrimitives.WriteInt32LittleEndian(span[4..], wav.Length - 8);
        "WAVE"u8.CopyTo(span[8..]);
        "fmt "u8.CopyTo(span[12..]);
        BinaryPrimitives.WriteInt32LittleEndian(span[16..], 16); // PCM format chunk
        BinaryPrimitives.WriteInt16LittleEndian(span[20..], 1); // PCM
        BinaryPrimitives.WriteInt16LittleEndian(span[22..], 1); // mono
        BinaryPrimitives.WriteInt32LittleEndian(span[24..], SampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(span[28..], SampleRate); // bytes a second
        BinaryPrimitives.WriteInt16LittleEndian(span[32..], 1); // block align
        BinaryPrimitives.WriteInt16LittleEndian(span[34..], 8); // bits a sample
        "data"u8.CopyTo(span[36..]);
        BinaryPrimitives.WriteInt32LittleEndian(span[40..], samples);
        for (var i = 0; i < samples; i++)
        {
            // 8-bit PCM is unsigned around 128; a quarter of full scale is quiet.
            wav[HeaderBytes + i] = (byte)(128 + (32 * Math.Sin(2 * Math.PI * 440 * i / SampleRate)));
        }

        return wav;
    }
}
