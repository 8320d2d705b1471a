using System.Text.Json.Serialization;

namespace BonSecours.Modules.CommunityLife.VideoCalls;

/// <summary>Settings of the video calls, from the <c>VideoCalls</c> configuration section.</summary>
internal sealed class VideoCallOptions
{
    public const string Section = "VideoCalls";

    /// <summary>Seconds a call rings before it counts as missed.</summary>
    public double RingTimeoutSeconds { get; set; } = 45;

    /// <summary>STUN and TURN servers handed to the browsers. None is needed when both tablets are on the same local network.</summary>
    public List<IceServer> IceServers { get; set; } = [];
}

/// <summary>One entry of WebRTC's <c>RTCConfiguration.iceServers</c>.</summary>
internal sealed class IceServer
{
    /// <summary>A STUN or TURN address such as <c>turn:turn.example.org:3478</c>.</summary>
    public string Urls { get; set; } = string.Empty;

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Username { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Credential { get; set; }
}
