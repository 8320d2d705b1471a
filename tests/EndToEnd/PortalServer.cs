using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using BonSecours.Tests.Support;
using Microsoft.Playwright;
using Xunit;

namespace BonSecours.Tests.EndToEnd;

/// <summary>
/// The built Host running as a child process on a free loopback port, with the demo data
/// on a fresh database, and one headless Chromium. Shared by every test of a class.
/// </summary>
public sealed class PortalServer : IAsyncLifetime
{
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromMinutes(3);

    private readonly string _dataFolder = Directory.CreateTempSubdirectory("bonsecours-e2e-").FullName;
    private readonly ConcurrentQueue<string> _hostOutput = new();
    private Process? _host;
    private IPlaywright? _playwright;

    /// <summary>Chromium switches of every browser the tests launch: headless, offline from everything but this Host.</summary>
    public static readonly IReadOnlyList<string> BaseBrowserArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    /// <summary>
    /// Runs in every page before the portal's scripts. It keeps a page's WebRTC on loopback:
    /// an ICE candidate that is not on 127.0.0.1 never reaches the page's listeners, so it is
    /// never signalled to the other page and every connectivity check goes to 127.0.0.1. It also
    /// records the peer connections (<c>window.testPeers</c>) and the local media tracks
    /// (<c>window.testLocalTracks</c>) so tests can check that a call stops them.
    /// </summary>
    public const string LoopbackWebRtcScript = """
        (() => {
          window.testPeers = [];
          window.testLocalTracks = [];
          const NativePeerConnection = window.RTCPeerConnection;
          if (NativePeerConnection) {
            window.RTCPeerConnection = class extends NativePeerConnection {
              constructor(...settings) {
                super(...settings);
                window.testPeers.push(this);
                // Registered first, so it runs before any listener or onicecandidate handler of the page.
                this.addEventListener('icecandidate', event => {
                  const candidate = event.candidate?.candidate;
                  if (candidate && !candidate.includes(' 127.0.0.1 ')) { event.stopImmediatePropagation(); }
                });
              }
            };
          }
          const devices = navigator.mediaDevices;
          if (devices?.getUserMedia) {
            const nativeGetUserMedia = devices.getUserMedia.bind(devices);
            devices.getUserMedia = async constraints => {
              const stream = await nativeGetUserMedia(constraints);
              window.testLocalTracks.push(...stream.getTracks());
              return stream;
            };
          }
        })();
        """;

    public Uri BaseAddress { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var port = FreeLoopbackPort();
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        _host = StartHost(await TestPostgres.CreateDatabaseAsync(), port);
        await WaitForDemoDataAsync();

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            // A generated picture and tone replace the camera and microphone, Chromium grants access
            // to them without a prompt, and WebRTC may connect two pages over 127.0.0.1.
            Args = [.. BaseBrowserArgs, "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream", "--allow-loopback-in-peer-connection"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_host is { HasExited: false })
        {
            _host.Kill(entireProcessTree: true);
            await _host.WaitForExitAsync();
        }

        _host?.Dispose();
        Directory.Delete(_dataFolder, recursive: true);
    }

    /// <summary>Opens a new tablet-sized page on the portal (a fresh session each time).</summary>
    public async Task<IPage> OpenPortalAsync()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/");
        return page;
    }

    /// <summary>
    /// Opens a new tablet-sized page that has not loaded anything yet, so a test can listen
    /// to it first. Requests to any host other than this Host are aborted.
    /// </summary>
    public Task<IPage> NewPageAsync() => NewPageAsync(Browser);

    /// <summary>Opens a new tablet-sized page of <paramref name="browser"/>, limited to this Host like <see cref="NewPageAsync()"/>.</summary>
    public async Task<IPage> NewPageAsync(IBrowser browser)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            Locale = "fr-FR",
            ViewportSize = new ViewportSize { Width = 1024, Height = 768 },
        });
        await context.RouteAsync("**/*", route =>
            new Uri(route.Request.Url).Authority == BaseAddress.Authority ? route.ContinueAsync() : route.AbortAsync());
        await context.AddInitScriptAsync(LoopbackWebRtcScript);
        return await context.NewPageAsync();
    }

    /// <summary>Returns an API client signed in with a demo account, for changes made behind the portal's back.</summary>
    public async Task<HttpClient> ApiClientForAsync(string username)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        using var response = await client.PostAsJsonAsync("api/v1/auth/token", new { username, password = "demo" });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private Process StartHost(string connectionString, int port)
    {
        // The Host is built into src/Host/bin/<configuration>/net10.0, the same configuration as this test assembly.
        var testFolder = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = testFolder.Parent!.Name;
        var repository = testFolder.Parent.Parent!.Parent!.Parent!.Parent!.FullName;
        var hostDll = Path.Combine(repository, "src", "Host", "bin", configuration, testFolder.Name, "BonSecours.Host.dll");
        if (!File.Exists(hostDll))
        {
            throw new FileNotFoundException($"The Host is not built for {configuration}. Run: dotnet build src/Host -c {configuration}", hostDll);
        }

        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { hostDll, "--urls", BaseAddress.ToString().TrimEnd('/') },
            WorkingDirectory = Path.GetDirectoryName(hostDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ConnectionStrings__BonSecours"] = connectionString;
        start.Environment["BONSECOURS_DATA_DIR"] = _dataFolder;

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Failed to start the Host from {hostDll}.");
        process.OutputDataReceived += (_, line) => KeepOutput(line.Data);
        process.ErrorDataReceived += (_, line) => KeepOutput(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private void KeepOutput(string? line)
    {
        if (line is null)
        {
            return;
        }

        _hostOutput.Enqueue(line);
        while (_hostOutput.Count > 40)
        {
            _hostOutput.TryDequeue(out _);
        }
    }

    private string RecentHostOutput() => string.Join(Environment.NewLine, _hostOutput);

    // The demo data is seeded in the background after startup, so the Host is ready once sign-in works and the data is there.
    private async Task WaitForDemoDataAsync()
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTime.UtcNow + StartupTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_host!.HasExited)
            {
                throw new InvalidOperationException($"The Host exited with code {_host.ExitCode} before it was ready. Its last output:{Environment.NewLine}{RecentHostOutput()}");
            }

            try
            {
                if (await IsDemoDataReadyAsync(client))
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // The Host is not listening yet.
            }
            catch (TaskCanceledException)
            {
                // The Host is still starting.
            }

            await Task.Delay(500);
        }

        throw new TimeoutException($"The Host at {BaseAddress} did not serve the demo data within {StartupTimeout}. Its last output:{Environment.NewLine}{RecentHostOutput()}");
    }

    private static async Task<bool> IsDemoDataReadyAsync(HttpClient client)
    {
        using var health = await client.GetAsync("health");
        if (health.StatusCode != HttpStatusCode.OK)
        {
            return false;
        }

        using var signIn = await client.PostAsJsonAsync("api/v1/auth/token", new { username = "animatrice", password = "demo" });
        if (!signIn.IsSuccessStatusCode)
        {
            return false;
        }

        var token = (await signIn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/v1/flats");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        using var flats = await client.SendAsync(request);
        if (!flats.IsSuccessStatusCode)
        {
            return false;
        }

        var flatCount = (await flats.Content.ReadFromJsonAsync<JsonElement>()).GetArrayLength();

        // Residents are seeded after the flats, so finding the first demo resident shows the seeding reached them.
        using var directoryRequest = new HttpRequestMessage(HttpMethod.Get, "api/v1/residents?search=lefevre");
        directoryRequest.Headers.Authorization = request.Headers.Authorization;
        using var directory = await client.SendAsync(directoryRequest);
        var residentsFound = directory.IsSuccessStatusCode
            ? (await directory.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("total").GetInt32()
            : 0;
        return flatCount >= 70 && residentsFound > 0;
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
