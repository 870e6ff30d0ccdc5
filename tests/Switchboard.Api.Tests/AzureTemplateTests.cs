using Switchboard.Api.Hosting;
using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using Switchboard.Api.Auth;
using Switchboard.Api.Tests.Support;
using Switchboard.Hosting;
using Switchboard.TestSupport;

namespace Switchboard.Api.Tests;

/// <summary>
/// The Azure template (infra/azure/main.bicep) cannot be deployed from here; these tests keep it honest against the
/// hosts: every setting it passes is one they read, with a value they accept, and its probes hit real endpoints.
/// </summary>
public sealed partial class AzureTemplateTests(SwitchboardApiFactory factory)
{
    private static readonly string Template = File.ReadAllText(RepositoryPaths.Combine("infra", "azure", "main.bicep"));

    [Fact]
    public void Every_setting_the_template_passes_is_one_the_hosts_read()
    {
        var settings = SettingPattern().Matches(Template).Select(m => m.Groups["name"].Value).Distinct().ToList();
        string[] known =
        [
            .. SettingsOf<SwitchboardClusterOptions>(SwitchboardClusterOptions.Section),
            .. SettingsOf<StorageOptions>(StorageOptions.Section),
            .. SettingsOf<ApiOptions>(ApiOptions.Section),
            .. SettingsOf<AuthOptions>(AuthOptions.Section),
            "ConnectionStrings__" + Switchboard.Hosting.SiloBuilderExtensions.ConnectionStringName,
        ];

        Assert.Superset(
            new HashSet<string> { "Storage__Provider", "ConnectionStrings__AzureStorage", "Orleans__ClusterId", "Orleans__AdvertisedAddress", "Orleans__Mode", "Auth__OperatorKey" },
            settings.ToHashSet());
        Assert.All(settings, setting => Assert.Contains(setting, known));
    }

    [Fact]
    public void Literal_values_of_choice_settings_are_ones_the_hosts_accept()
    {
        var values = LiteralPattern().Matches(Template).ToDictionary(m => m.Groups["name"].Value, m => m.Groups["value"].Value);

        Assert.True(Enum.TryParse<StorageProvider>(values["Storage__Provider"], out var provider) && provider == StorageProvider.AzureTables);
        Assert.True(Enum.TryParse<HostingMode>(values["Orleans__Mode"], out var mode) && mode == HostingMode.Client);
        Assert.Equal(AdvertisedAddress.Auto, values["Orleans__AdvertisedAddress"]);
    }

    [Fact]
    public async Task The_probes_the_template_configures_answer_on_the_api()
    {
        var paths = ProbePattern().Matches(Template).Select(m => m.Groups["path"].Value).ToList();
        Assert.Equal(["/health/live", "/health/ready"], paths);

        using var client = factory.ClientWith(null);
        foreach (var path in paths)
        {
            using var response = await client.GetResponseAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    private static IEnumerable<string> SettingsOf<T>(string section) =>
        typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).Select(p => $"{section}__{p.Name}");

    [GeneratedRegex(@"name: '(?<name>[A-Za-z]+__[A-Za-z]+)'")]
    private static partial Regex SettingPattern();

    [GeneratedRegex(@"name: '(?<name>[A-Za-z]+__[A-Za-z]+)', value: '(?<value>[^']*)'")]
    private static partial Regex LiteralPattern();

    [GeneratedRegex(@"httpGet: \{ path: '(?<path>[^']+)'")]
    private static partial Regex ProbePattern();
}
