package vn.parindex.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The supervisor prints nothing: it tells its events, here recorded by name. */
class SupervisorTest {

    @TempDir
    Path tmp;

    private final List<String> events = new ArrayList<>();

    private Supervisor supervisor() throws Exception {
        Files.writeString(tmp.resolve("pom.xml"), "<project/>");
        LauncherConfig config =
                LauncherConfig.fromEnvironment(Map.of("PARINDEX_ROOT", tmp.toString()), tmp, Optional.empty());
        Supervisor.Events recorder = (Supervisor.Events) Proxy.newProxyInstance(
                Supervisor.Events.class.getClassLoader(),
                new Class<?>[] {Supervisor.Events.class},
                (proxy, method, args) -> {
                    events.add(method.getName());
                    return null;
                });
        return new Supervisor(config, ServiceTable.SERVICES, recorder);
    }

    @Test
    void shouldRefuseToStartWhatIsNotBuiltBeforeStartingAnything() throws Exception {
        Supervisor supervisor = supervisor();

        LaunchException refused = assertThrows(LaunchException.class, supervisor::startAll);

        assertTrue(refused.getMessage().startsWith("not built yet:"), refused.getMessage());
        assertEquals(List.of(), events);
        assertEquals(List.of(), supervisor.runningServices());
    }

    @Test
    void shouldStopOnceAndThenRefuseToGoOn() throws Exception {
        Supervisor supervisor = supervisor();

        supervisor.stopAll();
        supervisor.stopAll();

        assertTrue(supervisor.stopping());
        assertEquals(List.of(), events); // nothing was running: nothing to tell
        assertThrows(Supervisor.StopRequested.class, supervisor::requireNotStopping);
    }
}
