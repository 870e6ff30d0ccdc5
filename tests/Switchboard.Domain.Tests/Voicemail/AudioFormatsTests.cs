using Switchboard.Domain.Voicemail;

namespace Switchboard.Domain.Tests.Voicemail;

/// <summary>Audio is told by its first bytes; a voicemail's interaction comes from its call id alone.</summary>
public sealed class AudioFormatsTests
{
    [Theory]
    [InlineData("52494646 24080000 57415645", AudioFormats.Wav)] // RIFF....WAVE
    [InlineData("4F676753 00020000 00000000", AudioFormats.Ogg)] // OggS
    [InlineData("494433 04000000", AudioFormats.Mpeg)] // ID3
    [InlineData("FFFB9064", AudioFormats.Mpeg)] // MPEG-1 layer III frame
    [InlineData("FFF39064", AudioFormats.Mpeg)] // MPEG-2 layer III frame
    [InlineData("52494646 24080000 41564920", null)] // RIFF....AVI
    [InlineData("FFE80000", null)] // reserved version
    [InlineData("FFF90000", null)] // layer 0 (reserved): an AAC ADTS header, not MP3
    [InlineData("FFFBF000", null)] // a bad bitrate
    [InlineData("3C68746D 6C3E", null)] // <html>
    [InlineData("5249", null)] // too short to tell
    [InlineData("", null)]
    public void The_type_comes_from_the_header(string hex, string? expected) =>
        Assert.Equal(expected, AudioFormats.Sniff(Convert.FromHexString(hex.Replace(" ", "", StringComparison.Ordinal))));

    [Fact]
    public void The_same_call_id_names_the_same_voicemail()
    {
        var first = VoicemailRules.InteractionIdFor("CA-1");
        Assert.Equal(first, VoicemailRules.InteractionIdFor("CA-1"));
        Assert.NotEqual(first, VoicemailRules.InteractionIdFor("CA-2"));
        Assert.Matches("^vm_[0-9a-f]{32}$", first);
    }

    [Theory]
    [InlineData("CA-1", true)]
    [InlineData("a", true)]
    [InlineData("", false)]
    [InlineData(null, false)]
    [InlineData("has space", false)]
    [InlineData("caffè", false)]
    public void A_call_id_is_printable_ascii(string? callId, bool valid) => Assert.Equal(valid, VoicemailRules.IsValidCallId(callId));

    [Fact]
    public void A_call_id_is_at_most_128_characters()
    {
        Assert.True(VoicemailRules.IsValidCallId(new string('x', 128)));
        Assert.False(VoicemailRules.IsValidCallId(new string('x', 129)));
    }
}
