namespace BonSecours.Modules.Services.Infrastructure;

/// <summary>
/// The clock behind the kiosk's cut-offs and recurring orders: the Host's TimeProvider unless
/// tests register another KioskClock. It is separate so a test can move the kiosk to a
/// daylight-saving night without moving token validation or Wolverine's timers.
/// </summary>
public sealed class KioskClock(TimeProvider source) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => source.GetUtcNow();

    public override TimeZoneInfo LocalTimeZone => source.LocalTimeZone;
}
