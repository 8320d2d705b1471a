using Microsoft.Playwright;
using Xunit;

namespace BonSecours.Tests.EndToEnd;

// A real WebRTC call between two browsers through the API's signalling: Jeanne calls Lucas,
// both tablets exchange offer, answer and ICE candidates, the peer connection connects, and
// a hang-up closes it on both sides. Media never reach the Host.
public sealed partial class PortalTests
{
    private static readonly float ConnectTimeoutMs = 30_000;

    /// <summary>
    /// Signs a demo account in from the page (on the portal's origin) and opens its
    /// <c>/video-calls/stream</c>. The page then answers the call's signals itself: it
    /// replies to an offer, applies an answer and ICE candidates, sends only its loopback
    /// candidates (no STUN server is used), and closes its peer connection when the call ends.
    /// </summary>
    private const string CallHarness = """
        async (username) => {
          const signIn = await fetch('/api/v1/auth/token', {
            method: 'POST', headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ username, password: 'demo' }) });
          const session = await signIn.json();
          const h = { personId: session.personId, events: [], pending: [], pc: null, callId: null, ended: false };
          window.callHarness = h;
          h.api = (path, body) => fetch('/api/v1' + path, {
            method: body === undefined ? 'GET' : 'POST',
            headers: { authorization: 'Bearer ' + session.accessToken, 'content-type': 'application/json' },
            body: body === undefined ? undefined : JSON.stringify(body) });
          h.signal = (type, payload) => h.api('/video-calls/' + h.callId + '/signals', { type, payload });

          h.startPeer = async (callId) => {
            h.callId = callId;
            const media = await navigator.mediaDevices.getUserMedia({ video: true, audio: true });
            const pc = new RTCPeerConnection({ iceServers: [] });
            h.pc = pc;
            media.getTracks().forEach(track => pc.addTrack(track, media));
            pc.onicecandidate = event => {
              if (event.candidate && event.candidate.candidate.includes(' 127.0.0.1 ')) {
                h.signal('ice-candidate', event.candidate.toJSON());
              }
            };
          };
          h.call = async () => {
            const offer = await h.pc.createOffer();
            await h.pc.setLocalDescription(offer);
            await h.signal('offer', { type: offer.type, sdp: offer.sdp });
          };
          const applyPending = async () => {
            for (const candidate of h.pending.splice(0)) { await h.pc.addIceCandidate(candidate); }
          };
          const onSignal = async (signal) => {
            if (signal.type === 'offer') {
              await h.pc.setRemoteDescription(signal.payload);
              const answer = await h.pc.createAnswer();
              await h.pc.setLocalDescription(answer);
              await h.signal('answer', { type: answer.type, sdp: answer.sdp });
              await applyPending();
            } else if (signal.type === 'answer') {
              await h.pc.setRemoteDescription(signal.payload);
              await applyPending();
            } else if (signal.type === 'ice-candidate') {
              h.pending.push(signal.payload);
              if (h.pc && h.pc.remoteDescription) { await applyPending(); }
            }
          };

          const stream = await fetch('/api/v1/video-calls/stream', { headers: { authorization: 'Bearer ' + session.accessToken } });
          const reader = stream.body.pipeThrough(new TextDecoderStream()).getReader();
          (async () => {
            let buffer = '';
            for (;;) {
              const { value, done } = await reader.read();
              if (done) { return; }
              buffer += value;
              let end;
              while ((end = buffer.indexOf('\n\n')) >= 0) {
                const block = buffer.slice(0, end);
                buffer = buffer.slice(end + 2);
                let type = 'message', data = '';
                for (const line of block.split('\n')) {
                  if (line.startsWith('event:')) { type = line.slice(6).trim(); }
                  else if (line.startsWith('data:')) { data += line.slice(5).trim(); }
                }
                const payload = data ? JSON.parse(data) : null;
                h.events.push({ type, payload });
                if (type === 'video-call-signal') { await onSignal(payload); }
                if (type === 'video-call-ended') { h.ended = true; if (h.pc) { h.pc.close(); } }
              }
            }
          })();
          while (!h.events.some(e => e.type === 'connected')) { await new Promise(r => setTimeout(r, 20)); }
          // The Host subscribes the stream right after its first event; leave it a moment.
          await new Promise(r => setTimeout(r, 300));
          return h.personId;
        }
        """;

    [Fact]
    public async Task Video_call_connects_two_browsers()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = [.. PortalServer.BaseBrowserArgs,
                "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream", "--allow-loopback-in-peer-connection"],
        });
        var jeanne = await server.NewPageAsync(browser);
        var lucas = await server.NewPageAsync(browser);
        await jeanne.GotoAsync("/");
        await lucas.GotoAsync("/");
        await jeanne.EvaluateAsync<string>(CallHarness, "jeanne");
        var lucasId = await lucas.EvaluateAsync<string>(CallHarness, "lucas");

        // The community files of the demo residents come from the Residents module's messages,
        // which the Host may still be handling just after startup: retry while Lucas is unknown.
        var callId = await jeanne.EvaluateAsync<string>("""
            async (lucasId) => {
              for (let attempt = 0; ; attempt++) {
                const response = await window.callHarness.api('/video-calls', { callee: { kind: 'resident', id: lucasId } });
                const body = await response.json();
                if (response.status === 201) { return body.id; }
                if (response.status !== 404 || attempt >= 120) { throw new Error('The call failed: ' + response.status + ' ' + JSON.stringify(body)); }
                await new Promise(r => setTimeout(r, 500));
              }
            }
            """, lucasId);
        await lucas.WaitForFunctionAsync("() => window.callHarness.events.some(e => e.type === 'video-call-ringing')");
        var accepted = await lucas.EvaluateAsync<int>("""
            async (callId) => {
              await window.callHarness.startPeer(callId);
              return (await window.callHarness.api('/video-calls/' + callId + '/accept', {})).status;
            }
            """, callId);
        await jeanne.WaitForFunctionAsync("() => window.callHarness.events.some(e => e.type === 'video-call-accepted')");
        await jeanne.EvaluateAsync("async (callId) => { await window.callHarness.startPeer(callId); await window.callHarness.call(); }", callId);

        await jeanne.WaitForFunctionAsync("() => window.callHarness.pc.connectionState === 'connected'", null, new() { Timeout = ConnectTimeoutMs });
        await lucas.WaitForFunctionAsync("() => window.callHarness.pc.connectionState === 'connected'", null, new() { Timeout = ConnectTimeoutMs });
        var hungUp = await jeanne.EvaluateAsync<int>("async (callId) => (await window.callHarness.api('/video-calls/' + callId + '/hang-up', {})).status", callId);
        await jeanne.WaitForFunctionAsync("() => window.callHarness.ended");
        await lucas.WaitForFunctionAsync("() => window.callHarness.ended");

        Assert.Equal(200, accepted);
        Assert.Equal(200, hungUp);
        Assert.Equal("closed", await jeanne.EvaluateAsync<string>("() => window.callHarness.pc.connectionState"));
        Assert.Equal("closed", await lucas.EvaluateAsync<string>("() => window.callHarness.pc.connectionState"));
        var candidates = await lucas.EvaluateAsync<string[]>(
            "() => window.callHarness.events.filter(e => e.type === 'video-call-signal' && e.payload.type === 'ice-candidate').map(e => e.payload.payload.candidate)");
        Assert.NotEmpty(candidates);
        Assert.All(candidates, candidate => Assert.Contains(" 127.0.0.1 ", candidate));
    }
}
