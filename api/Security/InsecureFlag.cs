namespace CarbonDerivatives.Api.Security;

/// <summary>
/// The <c>--insecure</c> command-line flag. The configuration's command-line reader takes "--key value" pairs, so
/// a bare flag would swallow the next argument: it becomes the setting <c>Carbon:Security:Insecure=true</c>.
/// </summary>
public static class InsecureFlag
{
    public const string Flag = "--insecure";

    public static string[] ToSetting(string[] args) =>
        args.Select(a => a == Flag ? $"--{SecurityOptions.Section}:Insecure=true" : a).ToArray();
}
