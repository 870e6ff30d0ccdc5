namespace Switchboard.Grains.Telephony;

public enum TelephonyMode
{
    Simulator = 0,
    Carrier = 1,
}
