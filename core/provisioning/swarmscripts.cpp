#include "swarmscripts.h"

#include "ssh/shellcommand.h"
#include "util/networkaddress.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace SparkDeck {

namespace {

QString sh(const QString &program, const QStringList &arguments)
{
    return ShellCommand(program, arguments).toString();
}

QString q(const QString &word)
{
    return ShellCommand::quote(word);
}

/// Docker as the login user when it may (root, the docker group, Docker Desktop), else through
/// sudo -n; DOCKER_HOST is honoured either way (this computer's engine may be elsewhere).
const char kDockerAsNeeded[]
    = "if [ \"$(id -u)\" != 0 ] && command -v docker >/dev/null 2>&1 && ! command docker version "
      ">/dev/null 2>&1; then "
      "docker() { sudo -n --preserve-env=DOCKER_HOST docker \"$@\"; }; fi; ";

CommandRequest withDocker(const QString &script, int timeoutMs = 60000,
                          const QByteArray &input = {})
{
    return {QString::fromLatin1(kDockerAsNeeded) + script, input, false, timeoutMs};
}

/// host:2377, the manager's swarm port, as `docker swarm join` and RemoteManagers write it.
QString managerEndpoint(const QString &address)
{
    return NetworkAddress::withPort(address, 2377);
}

/// Sets $state to the node's swarm state, or fails (3) when the engine does not answer.
const char kSwarmState[] = "state=$(docker info --format '{{.Swarm.LocalNodeState}}' 2>&1) || "
                           "{ echo \"the Docker engine does not answer: $state\" >&2; exit 3; }; ";

/// Repeats `condition` every half second until it holds or `seconds` pass; then `failure`.
QString waitUntil(const QString &condition, int seconds, const QString &failure)
{
    return QStringLiteral(
               "end=$(( $(date +%s) + %1 )); until %2; do "
               "[ \"$(date +%s)\" -ge \"$end\" ] && { %3; exit 1; }; sleep 0.5; done; exit 0")
        .arg(seconds)
        .arg(condition, failure);
}

/// The bridge Docker made when the node joined the swarm: it goes with the membership.
const char kRemoveGatewayBridge[]
    = "{ docker network rm docker_gwbridge >/dev/null 2>&1 || true; }";

QString stackFilter(const QString &stack)
{
    return q(QStringLiteral("label=com.docker.stack.namespace=") + stack);
}

} // namespace

SwarmScripts::SwarmScripts(const ClusterLayout &layout, const SwarmStack &stack)
    : m_layout(layout)
    , m_stack(stack)
{}

CommandRequest SwarmScripts::dockerReady()
{
    return withDocker(QStringLiteral(
        "command -v docker >/dev/null 2>&1 && docker version >/dev/null 2>&1 || exit 1"));
}

CommandRequest SwarmScripts::installDocker()
{
    // Waits for the dpkg lock like the Java install (a lock held ten minutes is "try later",
    // 75); starts the engine through the init system when it does not run yet.
    return {QStringLiteral(
                "export DEBIAN_FRONTEND=noninteractive\n"
                "if ! command -v docker >/dev/null 2>&1; then\n"
                "  if command -v apt-get >/dev/null 2>&1; then\n"
                "    apt-get -q -o DPkg::Lock::Timeout=600 update >/dev/null || exit 75\n"
                "    apt-get -q -y -o DPkg::Lock::Timeout=600 install docker.io || exit 75\n"
                "  elif command -v dnf >/dev/null 2>&1; then dnf -y install moby-engine || dnf -y "
                "install docker\n"
                "  elif command -v zypper >/dev/null 2>&1; then zypper -n install docker\n"
                "  elif command -v apk >/dev/null 2>&1; then apk add docker\n"
                "  else echo 'no supported package manager (apt-get, dnf, zypper, apk) to install "
                "Docker' >&2; exit 3; fi\n"
                "fi\n"
                "docker version >/dev/null 2>&1 && exit 0\n"
                "if [ -d /run/systemd/system ]; then systemctl enable --now docker\n"
                "elif command -v service >/dev/null 2>&1; then service docker start\n"
                "elif command -v rc-service >/dev/null 2>&1; then rc-service docker start\n"
                "fi\n"
                "i=0; until docker version >/dev/null 2>&1; do i=$((i+1)); if [ $i -ge 60 ]; then "
                "echo 'the Docker engine is installed but does not answer; start it (dockerd) and "
                "run again' >&2; "
                "exit 3; fi; sleep 0.5; done"),
            {},
            true,
            20 * 60 * 1000};
}

CommandRequest SwarmScripts::managesOurSwarm() const
{
    return withDocker(
        QString::fromLatin1(kSwarmState)
        + QStringLiteral(
              "[ \"$state\" = inactive ] && exit 1; "
              "id=$(docker info --format '{{if .Swarm.Cluster}}{{.Swarm.Cluster.ID}}{{end}}'); "
              "[ -n \"$id\" ] && [ \"$id\" = \"$(cat %1 2>/dev/null)\" ] && exit 0; "
              "echo \"this host already belongs to another Docker swarm (node state $state${id:+, "
              "swarm $id}); "
              "SparkDeck does not take it over: leave it (docker swarm leave) or choose another "
              "master\" >&2; exit 3")
              .arg(q(m_layout.swarmIdFile())));
}

CommandRequest SwarmScripts::initSwarm(const QString &advertiseAddress) const
{
    const QString part = m_layout.swarmIdFile() + QStringLiteral(".part");
    return withDocker(
        ShellCommand::allOf(
            {ShellCommand(QStringLiteral("mkdir"), {QStringLiteral("-p"), m_layout.root()}),
             ShellCommand(QStringLiteral("docker"),
                          {QStringLiteral("swarm"), QStringLiteral("init"),
                           QStringLiteral("--advertise-addr"), advertiseAddress})})
        + QStringLiteral(
              " >/dev/null && docker info --format '{{.Swarm.Cluster.ID}}' > %1 && mv -f %1 %2")
              .arg(q(part), q(m_layout.swarmIdFile())));
}

CommandRequest SwarmScripts::readJoinToken()
{
    return withDocker(QStringLiteral("docker swarm join-token -q worker"));
}

CommandRequest SwarmScripts::joinedTo(const QString &managerAddress)
{
    return withDocker(
        QString::fromLatin1(kSwarmState)
        + QStringLiteral(
              "case $state in inactive) exit 1 ;; active) ;; "
              "*) echo \"the node's swarm state is $state; see docker info\" >&2; exit 3 ;; esac; "
              "managers=\" $(docker info --format '{{range .Swarm.RemoteManagers}}{{.Addr}} "
              "{{end}}')\"; "
              "case $managers in *%1*) exit 0 ;; esac; "
              "echo \"this host already belongs to another Docker swarm (managers:$managers); "
              "SparkDeck does not take it over: leave it (docker swarm leave) or remove the host "
              "from the cluster\" >&2; exit 3")
              .arg(q(QLatin1Char(' ') + managerEndpoint(managerAddress) + QLatin1Char(' '))));
}

namespace {

/// A fixed program: POSTs standard input (the join request, token included) to the engine's
/// /swarm/join over its local socket (argv[1]), so that the token is on no command line.
constexpr char kJoinSwarm[] = R"PY(
import http.client, json, socket, sys
class Engine(http.client.HTTPConnection):
    def connect(self):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.connect(sys.argv[1])
engine = Engine("localhost", timeout=110)
engine.request("POST", "/swarm/join", sys.stdin.buffer.read(), {"Content-Type": "application/json"})
answer = engine.getresponse()
body = answer.read().decode(errors="replace")
if answer.status != 200:
    try:
        body = json.loads(body).get("message", body)
    except ValueError:
        pass
    print("the Docker engine refused to join the swarm: %s" % body.strip(), file=sys.stderr)
    sys.exit(1)
print("This node joined a swarm as a worker.")
)PY";

} // namespace

CommandRequest SwarmScripts::join(const QString &managerAddress, const QString &ownAddress,
                                  const Secret &token)
{
    // The docker CLI takes the token only as an argument: the request goes to the engine's API.
    const QByteArray request
        = QJsonDocument(QJsonObject{{QStringLiteral("ListenAddr"), QStringLiteral("0.0.0.0:2377")},
                                    {QStringLiteral("AdvertiseAddr"), ownAddress},
                                    {QStringLiteral("RemoteAddrs"), QJsonArray{managerEndpoint(managerAddress)}},
                                    {QStringLiteral("JoinToken"), token.reveal()}})
              .toJson(QJsonDocument::Compact);
    return withDocker(
        QStringLiteral("case ${DOCKER_HOST:-} in '') sock=/var/run/docker.sock ;; unix://*) sock=${DOCKER_HOST#unix://} ;; "
                       "*) echo \"DOCKER_HOST is $DOCKER_HOST; SparkDeck joins the swarm through the engine's local socket\" >&2; "
                       "exit 3 ;; esac; as=; [ \"$(id -u)\" = 0 ] || [ -w \"$sock\" ] || as='sudo -n'; $as ")
            + sh(QStringLiteral("python3"), {QStringLiteral("-c"), QString::fromLatin1(kJoinSwarm)})
            + QStringLiteral(" \"$sock\""),
        120000, request);
}

CommandRequest SwarmScripts::nodesLabelled()
{
    return withDocker(QStringLiteral("for n in $(docker node ls -q); do docker node inspect -f "
                                     "'{{.Status.Addr}} {{index .Spec.Labels %1}}' \"$n\"; "
                                     "done | awk '$1 != $2 { bad = 1 } END { exit bad }'")
                          .arg(q(QLatin1Char('"') + QLatin1String(SwarmStack::kPlacementLabel)
                                 + QLatin1Char('"'))));
}

CommandRequest SwarmScripts::labelNodes()
{
    return withDocker(
        QStringLiteral("for n in $(docker node ls -q); do a=$(docker node inspect -f "
                       "'{{.Status.Addr}}' \"$n\") && "
                       "docker node update --label-add %1=\"$a\" \"$n\" >/dev/null || exit 1; done")
            .arg(q(QLatin1String(SwarmStack::kPlacementLabel))));
}

CommandRequest SwarmScripts::networkPresent() const
{
    return withDocker(sh(QStringLiteral("docker"), {QStringLiteral("network"),
                                                    QStringLiteral("inspect"), m_stack.networkName})
                      + QStringLiteral(" >/dev/null 2>&1 || exit 1"));
}

CommandRequest SwarmScripts::createNetwork() const
{
    return withDocker(
        sh(QStringLiteral("docker"),
           {QStringLiteral("network"), QStringLiteral("create"), QStringLiteral("--driver"),
            QStringLiteral("overlay"), QStringLiteral("--attachable"), m_stack.networkName})
        + QStringLiteral(" >/dev/null"));
}

CommandRequest SwarmScripts::secretPresent() const
{
    return withDocker(sh(QStringLiteral("docker"),
                         {QStringLiteral("secret"), QStringLiteral("inspect"), m_stack.secretName})
                      + QStringLiteral(" >/dev/null 2>&1 || exit 1"));
}

CommandRequest SwarmScripts::createSecret(const Secret &secret) const
{
    return withDocker(
        sh(QStringLiteral("docker"), {QStringLiteral("secret"), QStringLiteral("create"),
                                      m_stack.secretName, QStringLiteral("-")})
            + QStringLiteral(" >/dev/null"),
        60000, secret.reveal().toUtf8());
}

CommandRequest SwarmScripts::imagePresent() const
{
    return withDocker(sh(QStringLiteral("docker"),
                         {QStringLiteral("image"), QStringLiteral("inspect"), m_stack.image})
                      + QStringLiteral(" >/dev/null 2>&1 || exit 1"));
}

CommandRequest SwarmScripts::pullImage() const
{
    return withDocker(
        sh(QStringLiteral("docker"), {QStringLiteral("pull"), QStringLiteral("-q"), m_stack.image}),
        60 * 60 * 1000);
}

CommandRequest SwarmScripts::loadImage(const QString &sha512) const
{
    return withDocker(
        sh(QStringLiteral("docker"), {QStringLiteral("load"), QStringLiteral("-q"),
                                      QStringLiteral("-i"), m_layout.cachedImage(sha512)}),
        30 * 60 * 1000);
}

QString SwarmScripts::stackFile() const
{
    return m_layout.root() + QStringLiteral("/stack.yml");
}

CommandRequest SwarmScripts::deployStack() const
{
    // Images loaded from an archive are in no registry: never ask one for their digest.
    return withDocker(
        sh(QStringLiteral("docker"),
           {QStringLiteral("stack"), QStringLiteral("deploy"), QStringLiteral("--resolve-image"),
            QStringLiteral("never"), QStringLiteral("-c"), stackFile(), m_stack.stackName}),
        300000);
}

CommandRequest SwarmScripts::waitForReplicas(int seconds) const
{
    const QString list
        = QStringLiteral("docker service ls --filter %1 --format '{{.Name}} {{.Replicas}}'")
              .arg(stackFilter(m_stack.stackName));
    // "2/2", "1/1 (max 1 per node)": every service with all its replicas running.
    const QString allRunning = QStringLiteral("{ out=$(%1) && echo \"$out\" | awk 'NF { split($2, "
                                              "r, \"/\"); n++; if (r[1] != r[2]) bad = 1 } "
                                              "END { exit !(n > 0 && !bad) }'; }")
                                   .arg(list);
    return withDocker(
        waitUntil(
            allRunning, seconds,
            QStringLiteral("echo \"gave up waiting for the services' replicas: $(echo $out)\" >&2; "
                           "docker service ps --no-trunc --filter desired-state=running --format "
                           "'{{.Name}} {{.CurrentState}} {{.Error}}' ")
                + q(m_stack.workerService()) + QLatin1Char(' ') + q(m_stack.masterService())
                + QStringLiteral(" 2>&1 | tail -n 3 >&2")),
        (seconds + 30) * 1000);
}

CommandRequest SwarmScripts::scaleWorkers(int count) const
{
    return withDocker(sh(QStringLiteral("docker"),
                         {QStringLiteral("service"), QStringLiteral("scale"), QStringLiteral("-d"),
                          m_stack.workerService() + QLatin1Char('=') + QString::number(count)})
                      + QStringLiteral(" >/dev/null"));
}

CommandRequest SwarmScripts::listServices() const
{
    return withDocker(QStringLiteral("docker service ls --filter %1 --format '{{json .}}'")
                          .arg(stackFilter(m_stack.stackName)));
}

CommandRequest SwarmScripts::removeStack() const
{
    return withDocker(
        QStringLiteral(
            "command -v docker >/dev/null 2>&1 && docker node ls >/dev/null 2>&1 || exit 0; "
            "if docker stack ls --format '{{.Name}}' | grep -qxF %1; then docker stack rm %1; fi")
            .arg(q(m_stack.stackName)));
}

CommandRequest SwarmScripts::waitForContainersGone(int seconds) const
{
    const QString left
        = QStringLiteral("docker ps -aq --filter %1").arg(stackFilter(m_stack.stackName));
    return withDocker(
        QStringLiteral(
            "command -v docker >/dev/null 2>&1 && docker version >/dev/null 2>&1 || exit 0; ")
            + waitUntil(
                QStringLiteral("[ -z \"$(%1)\" ]").arg(left), seconds,
                QStringLiteral(
                    "echo \"containers of the stack are still there: $(%1 | tr '\\n' ' ')\" >&2")
                    .arg(left)),
        (seconds + 30) * 1000);
}

CommandRequest SwarmScripts::removeNetwork() const
{
    // Endpoints are released a moment after the last container is gone: try for 30 s.
    const QString name = q(m_stack.networkName);
    return withDocker(
        QStringLiteral("command -v docker >/dev/null 2>&1 || exit 0; "
                       "docker network inspect %1 >/dev/null 2>&1 || exit 0; ")
                .arg(name)
            + waitUntil(QStringLiteral("docker network rm %1 >/dev/null 2>&1").arg(name), 30,
                        QStringLiteral("docker network rm %1").arg(name)),
        90000);
}

CommandRequest SwarmScripts::removeSecret() const
{
    const QString name = q(m_stack.secretName);
    return withDocker(
        QStringLiteral(
            "command -v docker >/dev/null 2>&1 || exit 0; "
            "docker secret inspect %1 >/dev/null 2>&1 || exit 0; docker secret rm %1 >/dev/null")
            .arg(name));
}

CommandRequest SwarmScripts::removeVolumes() const
{
    return withDocker(
        QStringLiteral(
            "command -v docker >/dev/null 2>&1 && docker version >/dev/null 2>&1 || exit 0; "
            "for v in $(docker volume ls -q --filter %1); do docker volume rm \"$v\" >/dev/null || "
            "exit 1; done")
            .arg(stackFilter(m_stack.stackName)));
}

CommandRequest SwarmScripts::leaveOurSwarm() const
{
    return withDocker(
        QStringLiteral(
            "command -v docker >/dev/null 2>&1 && docker version >/dev/null 2>&1 || exit 0; "
            "id=$(docker info --format '{{if .Swarm.Cluster}}{{.Swarm.Cluster.ID}}{{end}}'); "
            "if [ -n \"$id\" ] && [ \"$id\" = \"$(cat %1 2>/dev/null)\" ]; then docker swarm leave "
            "--force >/dev/null || exit 1; %2; fi; "
            "rm -f %1")
            .arg(q(m_layout.swarmIdFile()), QLatin1String(kRemoveGatewayBridge)));
}

CommandRequest SwarmScripts::leaveSwarmOf(const QString &managerAddress)
{
    return withDocker(
        QStringLiteral(
            "command -v docker >/dev/null 2>&1 && docker version >/dev/null 2>&1 || exit 0; "
            "managers=\" $(docker info --format '{{range .Swarm.RemoteManagers}}{{.Addr}} "
            "{{end}}')\"; "
            "case $managers in *%1*) docker swarm leave >/dev/null && %2 ;; esac")
            .arg(q(QLatin1Char(' ') + managerEndpoint(managerAddress) + QLatin1Char(' ')),
                 QLatin1String(kRemoveGatewayBridge)));
}

} // namespace SparkDeck
