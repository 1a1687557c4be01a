<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>SparkDeck::ApplicationModel</name>
    <message>
        <location filename="../core/monitor/applicationmodel.cpp" line="+86"/>
        <source>Application</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Memory per executor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Running for</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::AwaitTask</name>
    <message>
        <location filename="../core/provisioning/awaittask.cpp" line="+20"/>
        <source>&apos;%1&apos; done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: &apos;%2&apos; did not succeed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::BrowserPane</name>
    <message>
        <location filename="../gui/web/browserpane.cpp" line="+81"/>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Forward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open in System Browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open this page in your web browser. Its address is the local end of SparkDeck&apos;s SSH tunnel, so it works only while SparkDeck is running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New Tab: Master UI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open the Spark master&apos;s page in a new tab (Ctrl+T)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close Tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Focus Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Back (Alt+Left)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forward (Alt+Right)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reload (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Page address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The page&apos;s address on this computer: the local end of SparkDeck&apos;s SSH tunnel, valid while SparkDeck runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No pages open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the Spark master&apos;s page, or a worker&apos;s from the cluster window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open Master UI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Reconnecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+63"/>
        <source>the connection was closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The Spark web UI of this cluster is not reachable: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The Spark web UI is reached through an SSH tunnel to %1, which is down: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The Spark web UI is not reachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reconnect opens the tunnel again; the pages you had open come back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reconnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Master</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Worker %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Application %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+198"/>
        <source>Opening the Spark web UI…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Waiting for the Spark master&apos;s web UI.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SparkDeck is opening an SSH tunnel to %1 for the Spark web UI; nothing is opened to the network.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::CloudImageCache</name>
    <message>
        <location filename="../core/providers/virtualbox/cloudimagecache.cpp" line="+67"/>
        <source>The image %1 does not exist. Give a cloud image file (qcow2, raw, vmdk or vdi) or an http(s) URL of one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Checksum of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>No SHA512SUMS or SHA256SUMS beside %1 lists %2, so SparkDeck cannot check the download. Use an image whose publisher lists its checksums (Debian, Ubuntu), or download it yourself, check it, and give its path.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Downloading %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The download of %1 is damaged: its %2 is %3, the publisher&apos;s list says %4. It was deleted; try again, or check the URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cannot keep the image as %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::CloudInitRenderer</name>
    <message>
        <location filename="../core/render/cloudinit.cpp" line="+48"/>
        <source>host name &apos;%1&apos; must be lowercase letters, digits and inner dashes, at most 63</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>user &apos;%1&apos; is not a valid login name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the public key is not one OpenSSH public key line (such as the content of ~/.ssh/id_ed25519.pub)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&apos;%1&apos; is not a Debian package name</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::CloudPage</name>
    <message>
        <location filename="../gui/wizard/cloudpage.cpp" line="+32"/>
        <source>VirtualBox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>DigitalOcean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Amazon EC2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Google Compute Engine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>OpenStack</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>%1: %n CPU(s), %2</source>
        <translation>
            <numerusform>%1: %n CPU, %2</numerusform>
            <numerusform>%1: %n CPUs, %2</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, $%1 an hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+152"/>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-130"/>
        <source>&amp;Test Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Machines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Machine size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>System image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the machines after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1 hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>3 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>8 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>1 day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Never (I delete them myself)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Region:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Size:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Image:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Delete after:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+78"/>
        <source>%1 Machines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SparkDeck creates virtual machines on this computer, tagged sparkdeck-cluster=%1, and deletes them with the cluster.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>VirtualBox on This Computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SparkDeck creates the machines in your %1 account, tagged sparkdeck-cluster=%2, and deletes them with the cluster.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Looking for your %1 credentials…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>No account is needed: SparkDeck runs VirtualBox&apos;s VBoxManage here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Credentials from %1. SparkDeck leaves them there and never writes them into the cluster file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Asking %1 for its regions, sizes and images…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>Connected: %n region(s), </source>
        <translation>
            <numerusform>Connected: %n region, </numerusform>
            <numerusform>Connected: %n regions, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n size(s), </source>
        <translation>
            <numerusform>%n size, </numerusform>
            <numerusform>%n sizes, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n image(s).</source>
        <translation>
            <numerusform>%n image.</numerusform>
            <numerusform>%n images.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+22"/>
        <location line="+23"/>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>%n virtual machine(s) on this computer: they cost nothing by the hour.</source>
        <translation>
            <numerusform>%n virtual machine on this computer: they cost nothing by the hour.</numerusform>
            <numerusform>%n virtual machines on this computer: they cost nothing by the hour.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>%n machine(s). %1 does not say what this size costs.</source>
        <translation>
            <numerusform>%n machine. %1 does not say what this size costs.</numerusform>
            <numerusform>%n machines. %1 does not say what this size costs.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n machine(s): about $%1 an hour</source>
        <translation>
            <numerusform>%n machine: about $%1 an hour</numerusform>
            <numerusform>%n machines: about $%1 an hour</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>, $%1 at most before they are deleted</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::ClusterFileLoader</name>
    <message>
        <location filename="../core/spec/clusterfileloader.cpp" line="+42"/>
        <source>a list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a mapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+35"/>
        <source>the file is not UTF-8 text (byte 0x%1); a cluster file is YAML text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the file holds a NUL byte; a cluster file is YAML text, not binary data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+45"/>
        <source>at the top level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>in &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&apos;%1&apos; must be a mapping of keys, not %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>a key %1 must be a plain word, not %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>duplicate key &apos;%1&apos;; it is already set at line %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <source>&apos;%1&apos; does not belong in a cluster file: cluster files are shared, so secrets never live in them. SparkDeck asks for passwords when it connects and keeps keys in files you name by path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>unknown key &apos;%1&apos; %2; did you mean &apos;%3&apos;?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>unknown key &apos;%1&apos; %2; expected one of: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&apos;%1&apos; must be %2, not %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>a whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&apos;%1&apos; must be a whole number, not &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&apos;%1&apos; must be between %2 and %3, not %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>true or false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&apos;%1&apos; must be true or false, not &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>expected one of: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>did you mean &apos;%1&apos;?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown %1 &apos;%2&apos;; %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+35"/>
        <source>&apos;%1&apos; must be a list of hosts (lines starting with &apos;- &apos;), not %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+33"/>
        <source>host %1 in &apos;%2&apos; must be an address or a mapping with &apos;address:&apos;, not %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+95"/>
        <source>YAML syntax error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>the file is empty; a cluster file needs at least a line such as &apos;name: demo&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>the file nests lists or mappings more than %1 levels deep; a cluster file needs 4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>a cluster file is a mapping of keys such as &apos;name:&apos; and &apos;workers:&apos;, not %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+33"/>
        <source>cannot read the file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the file is %1 MiB; a cluster file is a few lines of YAML</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::ClusterFileWriter</name>
    <message>
        <location filename="../core/spec/clusterfilewriter.cpp" line="+108"/>
        <source>SparkDeck cluster file. It holds no secrets: passwords are asked for, keys stay in the files named here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>names services, volumes and the state folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>the machines are deleted this long after they were created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>a path, never the key itself</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>fetched from &lt;distribution&gt;.sha512</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>used by deploy: swarm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>docker save tarball of the image, loaded on every node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>the master, or an address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>path on the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>path on every worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Cannot write %1: %2. Choose another folder or free some space.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot save %1: %2. The previous file is unchanged; free some space and save again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::ClusterMachines</name>
    <message>
        <location filename="../core/provisioning/clustermachines.cpp" line="+31"/>
        <source>Cluster &apos;%1&apos; has no machines on %2 yet; &apos;up&apos; creates them.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::ClusterOperations</name>
    <message>
        <location filename="../core/provisioning/clusteroperations.cpp" line="+174"/>
        <source>%1 workers were asked for but the machines hold %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Bring up cluster &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 workers were asked for; a cluster holds 0 to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 workers were asked for but the machines hold %2 (one worker per host); add hosts to the cluster file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cluster &apos;%1&apos; already has %2 workers.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::ClusterSpecValidator</name>
    <message>
        <location filename="../core/spec/clusterspecvalidator.cpp" line="+68"/>
        <source>the cluster has no name; add a line such as &apos;name: demo&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>name &apos;%1&apos; must start with a lowercase letter and hold only lowercase letters, digits and dashes, at most %2 characters (it names services, volumes and the state folder)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>provider &apos;existing&apos; needs at least one host under &apos;machines.hosts&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&apos;machines.hosts&apos; lists machines for provider &apos;existing&apos; only; provider &apos;%1&apos; makes its own machines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&apos;%1&apos; is for providers that create machines; provider &apos;%2&apos; uses machines that exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 &apos;%2&apos; must be one word of letters, digits and . _ : / ~ @ + = - (as the provider lists it), at most 1024 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <source>host %1 in &apos;machines.hosts&apos; has no address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>host address &apos;%1&apos; is neither an IP address nor a host name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>host %1 is listed twice (first at line %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+19"/>
        <source>user &apos;%1&apos; is not a valid login name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-14"/>
        <source>only one host can have &apos;role: master&apos; (the host at line %1 has it already)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+25"/>
        <source>&apos;%1&apos; holds a key, not a path; cluster files are shared, so keys never live in them. Save the key to a file and give its path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&apos;%1&apos; is empty; give the path of your private key, such as ~/.ssh/id_ed25519</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>path &apos;%1&apos; holds control characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Spark version &apos;%1&apos; is not a release number such as &quot;3.5.8&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Spark %1 is too old; SparkDeck needs %2 or later (graceful worker decommission)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>sha512 must be 128 hexadecimal digits, or null to fetch it from &lt;distribution&gt;.sha512</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>image &apos;%1&apos; is not a Docker image name such as apache/spark:3.5.8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&apos;%1&apos; is plain http, which anyone on the way can tamper with; use https or a local file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&apos;%1&apos; is not a valid https URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>distribution &apos;%1&apos; must be an https URL or the absolute path of a local .tgz file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the distribution is Spark %1 but &apos;spark.version&apos; says %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&apos;image_archive&apos; is only used with &apos;deploy: swarm&apos;; standalone mode installs &apos;distribution&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>image archive &apos;%1&apos; must be the absolute path of a file made by &apos;docker save&apos;, such as ~/spark-image.tar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>image archive &apos;%1&apos; does not exist; make it with &apos;docker save -o FILE %2&apos; where the image is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&apos;workers.count&apos; is %1 but the file lists %2 hosts; standalone mode runs one worker per host (the master&apos;s host included, last). Add hosts or lower the count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>shared folder server &apos;%1&apos; must be &apos;master&apos; or a host address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>path &apos;%1&apos; must be absolute, not &apos;/&apos; itself, without &apos;..&apos;, and hold only letters, digits and . _ - + @ /</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::ClusterStateFile</name>
    <message>
        <location filename="../core/provisioning/clusterstatefile.cpp" line="+40"/>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cannot remove %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::ClusterTemplates</name>
    <message>
        <location filename="../gui/app/clustertemplates.cpp" line="+22"/>
        <source>&amp;This Computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A master and two workers on this computer: the quickest way to try Spark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This computer: 1 master + 2 workers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Classroom or Lab Machines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A master and three workers on machines you already have, reached over SSH</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Classroom: 1 master + 3 workers on existing hosts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::ClusterWebAccess</name>
    <message>
        <location filename="../core/monitor/clusterwebaccess.cpp" line="+39"/>
        <source>The SSH connection to the master was closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <source>the master</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The cluster has no master machine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+97"/>
        <source>The SSH connection to %1 was closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Cannot open a local port for the web UI of %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::ClusterWindow</name>
    <message>
        <location filename="../gui/dashboard/clusterwindow.cpp" line="+101"/>
        <location line="+226"/>
        <source>&amp;Workers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-224"/>
        <source>&amp;Show the Workers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+226"/>
        <source>&amp;Activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-219"/>
        <location line="+222"/>
        <source>Web &amp;UI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-147"/>
        <source>One worker less (then Scale to apply)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One worker less</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>One worker more (then Scale to apply)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One worker more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Rever&amp;t</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Workers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Running Applications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Running applications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter or double-click: the application&apos;s own page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No application is running. Submit one to the master URL above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+48"/>
        <location line="+600"/>
        <location line="+12"/>
        <source>Bring &amp;Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-609"/>
        <source>Install, configure and start Spark on every host; on a running cluster, only check that all is in place.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Tear Down…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop Spark everywhere and remove what SparkDeck installed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Cancel Operation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+593"/>
        <source>&amp;Reconnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-590"/>
        <source>Open the way to the master again and read its status now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Edit Cluster File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Presentation Mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Larger text and tiles, for a projector.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+202"/>
        <source>Cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-179"/>
        <source>&amp;Cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+113"/>
        <location line="+16"/>
        <location line="+343"/>
        <source>Not running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-323"/>
        <source>Cannot Use the Changed Cluster File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The cluster file changed: read it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <source>%1 — Cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>Bringing up “%1”: a master and %n worker(s)</source>
        <translation>
            <numerusform>Bringing up “%1”: a master and %n worker</numerusform>
            <numerusform>Bringing up “%1”: a master and %n workers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Scaling “%1” to %n worker(s)</source>
        <translation>
            <numerusform>Scaling “%1” to %n worker</numerusform>
            <numerusform>Scaling “%1” to %n workers</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tearing down “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <location line="+143"/>
        <source>Cannot Scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-143"/>
        <source>“%1” is not running: bring it up first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Tear Down “%1”?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tear down cluster “%1”?</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>This stops the Spark master and its %n worker(s), and removes everything SparkDeck installed for this cluster: the folder %1 (Spark, its configuration, logs and the cluster&apos;s secret) on %2.</source>
        <translation>
            <numerusform>This stops the Spark master and its %n worker, and removes everything SparkDeck installed for this cluster: the folder %1 (Spark, its configuration, logs and the cluster&apos;s secret) on %2.</numerusform>
            <numerusform>This stops the Spark master and its %n workers, and removes everything SparkDeck installed for this cluster: the folder %1 (Spark, its configuration, logs and the cluster&apos;s secret) on %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n running application(s) will be stopped.</source>
        <translation>
            <numerusform>%n running application will be stopped.</numerusform>
            <numerusform>%n running applications will be stopped.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The cluster file %1 stays: Bring Up builds the cluster again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Tear Down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Keep the Cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Connecting to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot Reach the Provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cannot Create the Machines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Cannot Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+21"/>
        <location line="+79"/>
        <source>&amp;Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-77"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1…
%2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+46"/>
        <source>“%1” is up: master %2 with %n worker(s).</source>
        <translation>
            <numerusform>“%1” is up: master %2 with %n worker.</numerusform>
            <numerusform>“%1” is up: master %2 with %n workers.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>“%1” now has %n worker(s).</source>
        <translation>
            <numerusform>“%1” now has %n worker.</numerusform>
            <numerusform>“%1” now has %n workers.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>“%1” is torn down and its machines are deleted. The cluster file stays; Bring Up creates them again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“%1” is torn down. The cluster file stays; Bring Up builds it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Note: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Partly done: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled; nothing is half-written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+105"/>
        <source>&amp;Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-105"/>
        <location line="+117"/>
        <source>&amp;Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="-59"/>
        <source>“%1” is not running. Bring it up to install and start Spark on its machines (%n worker(s)).</source>
        <translation>
            <numerusform>“%1” is not running. Bring it up to install and start Spark on its machines (%n worker).</numerusform>
            <numerusform>“%1” is not running. Bring it up to install and start Spark on its machines (%n workers).</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The Spark master cannot be reached.
%1
Reconnect when it is back; Bring Up starts whatever is stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Master not reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Connecting to the Spark master…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>bring up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>tear down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The last run (%1, started %2) did not finish: SparkDeck was closed or stopped while it ran. Resume it: what is done is only checked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The last run (%1, started %2) was cancelled. Resume it: what is done is only checked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The last run (%1, started %2) failed: %3
Fix the cause, then retry: what is done is only checked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>(Resuming brings the cluster to the file&apos;s %n worker(s).)</source>
        <translation>
            <numerusform>(Resuming brings the cluster to the file&apos;s %n worker.)</numerusform>
            <numerusform>(Resuming brings the cluster to the file&apos;s %n workers.)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>%n worker(s)</source>
        <translation>
            <numerusform>%n worker</numerusform>
            <numerusform>%n workers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>&amp;Scale to %n Worker(s)</source>
        <translation>
            <numerusform>&amp;Scale to %n Worker</numerusform>
            <numerusform>&amp;Scale to %n Workers</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>An operation is running; the tiles follow it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bring the cluster up to choose its number of workers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n new worker(s) will start.</source>
        <translation>
            <numerusform>%n new worker will start.</numerusform>
            <numerusform>%n new workers will start.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n worker(s) will be decommissioned gracefully: their running tasks finish first.</source>
        <translation>
            <numerusform>%n worker will be decommissioned gracefully: their running tasks finish first.</numerusform>
            <numerusform>%n workers will be decommissioned gracefully: their running tasks finish first.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Drag the handle after the last tile, or use − and +, to choose the number of workers (%1 to %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+123"/>
        <source>&amp;Open the Master UI in the System Browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This build of SparkDeck has no embedded browser. The Spark master&apos;s web UI: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The Spark master&apos;s web UI cannot be reached now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+90"/>
        <source>Stop and Close?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is still running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stop it and close? Every step stops within a second and nothing is left half-written; the next time you open the cluster, SparkDeck offers to resume where it stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Stop and Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Keep Running</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::CodeEditor</name>
    <message>
        <location filename="../gui/app/codeeditor.cpp" line="+290"/>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 at line %2, column %3: %4</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::CostEstimate</name>
    <message>
        <location filename="../core/providers/costestimate.cpp" line="+43"/>
        <source>%1s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1d %2h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1h %2m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1m</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n machine(s)</source>
        <translation>
            <numerusform>%n machine</numerusform>
            <numerusform>%n machines</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, %1 per hour, about %2 so far (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>, running %1; the provider gives no price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>; no expiry (set machines.expires_after)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>; EXPIRED at %1: &apos;sparkdeck-cli expire&apos; tears it down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>; expires in %1 (at %2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::CostGuard</name>
    <message>
        <location filename="../gui/dashboard/costguard.cpp" line="+37"/>
        <source>The machines&apos; time is up (machines.expires_after): SparkDeck deletes them now, so that they cost nothing more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The machines will be deleted in %1 (machines.expires_after), with everything on them. Copy what you need from the shared folder now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Tear Down &amp;Now</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::CreateMachinesTask</name>
    <message numerus="yes">
        <location filename="../core/providers/createmachinestask.cpp" line="+11"/>
        <source>Create %n machine(s) on %1</source>
        <translation>
            <numerusform>Create %n machine on %1</numerusform>
            <numerusform>Create %n machines on %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+42"/>
        <source>%n machine(s) from an interrupted run: looking them up by tag</source>
        <translation>
            <numerusform>%n machine from an interrupted run: looking them up by tag</numerusform>
            <numerusform>%n machines from an interrupted run: looking them up by tag</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+46"/>
        <source>the %n machine(s) exist already</source>
        <translation>
            <numerusform>the %n machine exist already</numerusform>
            <numerusform>the %n machines exist already</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 What was created is recorded; &apos;down&apos; deletes it, &apos;up&apos; goes on from it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>created %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>created %n machine(s)</source>
        <translation>
            <numerusform>created %n machine</numerusform>
            <numerusform>created %n machines</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SparkDeck::CredentialResolver</name>
    <message>
        <location filename="../core/providers/credentialresolver.cpp" line="+94"/>
        <source>the keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>SparkDeck was built without QtKeychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No keychain is available (%1); using %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No keychain is available (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+21"/>
        <source>nothing (none needed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No DigitalOcean token: set DIGITALOCEAN_TOKEN (a token from cloud.digitalocean.com, API, Tokens, with read and write), or store it in the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+27"/>
        <source>No AWS credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or run &apos;aws configure&apos; (profile &apos;%1&apos; in %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+23"/>
        <source>No Google Cloud credentials: set GOOGLE_APPLICATION_CREDENTIALS to a service account&apos;s JSON key file%1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source> (%1 does not exist)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+49"/>
        <source>%1 cannot be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No OpenStack credentials: source your project&apos;s openrc file (OS_AUTH_URL, OS_USERNAME...) or set OS_CLOUD to a cloud of your clouds.yaml.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::DestroyResourcesTask</name>
    <message>
        <location filename="../core/providers/destroyresourcestask.cpp" line="+9"/>
        <source>Delete the cluster&apos;s machines and resources on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+62"/>
        <source>deleted %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+34"/>
        <source>deleted %1 %2, found by the cluster&apos;s tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Some of the cluster&apos;s resources may remain (%1). Run &apos;down&apos; again; what is gone is not asked for again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>deleted %1 resources, %2 more found by the tag</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::DiagnosticsModel</name>
    <message>
        <location filename="../core/spec/diagnosticsmodel.cpp" line="+37"/>
        <source>error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Line:Column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::DigitalOceanProvider</name>
    <message>
        <location filename="../core/providers/digitalocean/digitaloceanprovider.cpp" line="+95"/>
        <source>No DigitalOcean token. Create one at cloud.digitalocean.com (API, Tokens; read and write) and set DIGITALOCEAN_TOKEN, or store it in the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+186"/>
        <source>DigitalOcean needs the user&apos;s public key and address to create machines.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::Ec2Client</name>
    <message>
        <location filename="../core/providers/aws/ec2client.cpp" line="+50"/>
        <source>an answer it could not read (HTTP %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>AWS EC2 refused %1 (%2) in %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>. Check the access key in ~/.aws/credentials or AWS_ACCESS_KEY_ID, that it is active and allowed to use EC2, and that this computer&apos;s clock is right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>. AWS kept throttling the account; wait a few minutes and run again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::Ec2Launch</name>
    <message>
        <location filename="../core/providers/aws/ec2launch.cpp" line="+87"/>
        <source>SparkDeck could not tell this computer&apos;s public address, and it opens SSH on the EC2 machines to that address only. Check the internet connection and run again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>No Debian 12 image was found in %1; name an AMI in machines.image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+91"/>
        <source>EC2 says the security group %1 exists but does not list it; run again in a minute.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+121"/>
        <source>. The machines may exist: run again to continue (the same ClientToken makes EC2 answer with them instead of launching more), or run down to delete them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+27"/>
        <source>EC2 launched %1 of the %2 machines asked for (its capacity for %3 may be exhausted). The %1 are recorded and down deletes them; run again for the rest, or choose another size or region.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::Ec2Provider</name>
    <message>
        <location filename="../core/providers/aws/ec2provider.cpp" line="+54"/>
        <source>No AWS access key found. Put one in ~/.aws/credentials (aws configure), or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+149"/>
        <source>SparkDeck does not know how to delete an EC2 %1 (%2); delete it in the AWS console.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+74"/>
        <source>The security group %1 still has instances after waiting (%2). Run down again in a few minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+23"/>
        <source>instances are still shutting down</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::ExecResult</name>
    <message>
        <location filename="../core/ssh/execresult.cpp" line="+12"/>
        <source>killed by signal %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>exit %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::FileHashTask</name>
    <message>
        <location filename="../core/provisioning/filehashtask.cpp" line="+55"/>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::GceLaunch</name>
    <message>
        <location filename="../core/providers/gce/gcelaunch.cpp" line="+41"/>
        <source>SparkDeck could not tell this computer&apos;s public address, and it opens SSH on the Compute Engine machines to that address only. Check the internet connection and run again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+126"/>
        <source>Google Compute Engine could not create %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::GceProvider</name>
    <message>
        <location filename="../core/providers/gce/gceprovider.cpp" line="+66"/>
        <source>No Google Cloud service account key found. Set GOOGLE_APPLICATION_CREDENTIALS to the JSON key of a service account with the Compute Admin role.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+119"/>
        <source>SparkDeck does not know how to delete a Compute Engine %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::GceServiceAccount</name>
    <message>
        <location filename="../core/providers/gce/gceserviceaccount.cpp" line="+34"/>
        <source>The service account&apos;s private_key is not a PEM private key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Signing with the service account&apos;s key failed (is it an RSA key?).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This SparkDeck was built without OpenSSL&apos;s libcrypto, which signs Google Cloud logins.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cannot read the service account key %1: %2. Point GOOGLE_APPLICATION_CREDENTIALS at the JSON key of a service account with the Compute Admin role.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 is not a service account key (its &quot;type&quot; is not &quot;service_account&quot;). Create one in the Google Cloud console: IAM &gt; Service accounts &gt; Keys &gt; Add key &gt; JSON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The service account key %1 lacks client_email, project_id or private_key.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::HostKeyPrompter</name>
    <message>
        <location filename="../gui/dashboard/hostkeyprompter.cpp" line="+56"/>
        <source>New Host Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SparkDeck has not seen %1 before. Do you trust its host key?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&lt;p&gt;Its %1 key has the fingerprint&lt;/p&gt;&lt;p style=&quot;white-space:pre&quot;&gt;&lt;tt&gt;%2&lt;/tt&gt;&lt;/p&gt;&lt;p&gt;Trust it only if it matches what the machine itself shows (&lt;tt&gt;ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub&lt;/tt&gt;, or ask its administrator). A trusted key is saved to %3.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Trust and Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Refuse</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::HostListModel</name>
    <message>
        <location filename="../core/spec/hostlistmodel.cpp" line="+154"/>
        <source>enter an address or a host name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not an IP address or a host name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>listed twice: row %1 has the same host and port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>user &apos;%1&apos; is not a valid login name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+41"/>
        <source>master</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>not checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The SSH user below; type a name to use another one for this host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The SSH port below; type a number to use another one for this host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The first host runs the master unless you choose another one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+82"/>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::HostProgressModel</name>
    <message>
        <location filename="../core/provisioning/hostprogressmodel.cpp" line="+106"/>
        <source>already done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+98"/>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Working</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not started</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+30"/>
        <source>All %n step(s) done</source>
        <translation>
            <numerusform>All %n step done</numerusform>
            <numerusform>All %n steps done</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 of %2 steps ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::HostRangeExpander</name>
    <message>
        <location filename="../core/spec/hostrange.cpp" line="+62"/>
        <source>&apos;%1&apos; has an empty range; write ranges such as [11-20] or [1,3,5-7]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&apos;%1&apos;: a range holds numbers only, such as [11-20] or [1,3,5-7]; &apos;%2&apos; is not one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&apos;%1&apos;: the number in &apos;%2&apos; is too large for an address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&apos;%1&apos;: the range %2 runs backwards; write it as [%3-%4]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&apos;%1&apos; has a &apos;]&apos; without its &apos;[&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&apos;%1&apos; has a &apos;[&apos; without its &apos;]&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&apos;%1&apos; has brackets inside brackets; write one range per pair, such as 10.0.[1-2].[11-20]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+30"/>
        <source>&apos;%1&apos; gives %2, which is not an IPv4 address (four numbers from 0 to 255 joined by dots)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&apos;%1&apos; gives %2, which is not an IPv4 address (each of its four numbers goes from 0 to 255)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&apos;%1&apos; gives %2 with a leading zero, which many tools read as an octal number; write the range without leading zeros</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&apos;%1&apos; names more than %2 hosts; SparkDeck adds at most %2 at a time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the entry is empty; write an address or a host name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&apos;%1&apos; has brackets inside brackets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&apos;%1&apos;: write the IPv6 address alone, without a port; the port goes in the Port column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&apos;%1&apos;: ranges work in IPv4 addresses and host names, not in IPv6 addresses; list the IPv6 addresses one by one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+90"/>
        <source>the list names more than %1 hosts; SparkDeck adds at most %1 at a time</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::HostTableDelegate</name>
    <message>
        <location filename="../gui/wizard/hosttabledelegate.cpp" line="+27"/>
        <location line="+3"/>
        <source>%1 (default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>address or host name</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::HostTag</name>
    <message>
        <location filename="../core/provisioning/hosttag.cpp" line="+19"/>
        <source>this computer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::HostsPage</name>
    <message>
        <location filename="../gui/wizard/hostspage.cpp" line="+55"/>
        <location line="+26"/>
        <source>Hosts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-25"/>
        <source>List the machines: the first one runs the master unless you choose another, each of the others runs a worker.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Hosts to add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Addresses or host names, one per line or separated by commas or spaces. Ranges: 10.0.0.[11-20], node[01-08]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add the hosts typed on the left (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add &amp;hosts:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+31"/>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove the selected hosts (Delete)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Make Ma&amp;ster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run the master on the selected host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>SSH</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Bro&amp;wse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ask me, showing the fingerprint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trust new hosts and remember them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only hosts already in known_hosts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;User:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>P&amp;ort:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Private &amp;key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New host k&amp;eys:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;Check Hosts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Log in to each host over SSH and ask for its system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Check Hosts logs in to each host and runs uname -sr. The full preflight (CPU, memory, disk, ports) runs when the cluster is provisioned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+204"/>
        <source>%n host(s) already listed, not added again.</source>
        <translation>
            <numerusform>%n host already listed, not added again.</numerusform>
            <numerusform>%n hosts already listed, not added again.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Choose Your Private Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Private keys (id_*);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+31"/>
        <source>No hosts yet: add at least one above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n host(s) need your attention: see the Status column.</source>
        <translation>
            <numerusform>%n host needs your attention: see the Status column.</numerusform>
            <numerusform>%n hosts need your attention: see the Status column.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n host(s): one master and %1.</source>
        <translation>
            <numerusform>%n host: one master and %1.</numerusform>
            <numerusform>%n hosts: one master and %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n worker host(s)</source>
        <translation>
            <numerusform>%n worker host</numerusform>
            <numerusform>%n worker hosts</numerusform>
        </translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Waiting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Checking %n host(s)…</source>
        <translation>
            <numerusform>Checking %n host…</numerusform>
            <numerusform>Checking %n hosts…</numerusform>
        </translation>
    </message>
    <message>
        <location line="+26"/>
        <source>New host key %1: waiting for your answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Connected: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Connected, but uname -sr failed (%1)%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+18"/>
        <source>All %n host(s) answered.</source>
        <translation>
            <numerusform>The host answered.</numerusform>
            <numerusform>All %n hosts answered.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%1 of %n host(s) answered; see the Status column.</source>
        <translation>
            <numerusform>%1 of %n host answered; see the Status column.</numerusform>
            <numerusform>%1 of %n hosts answered; see the Status column.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SparkDeck::Internal::BrowserPage</name>
    <message>
        <location filename="../gui/web/browserpage.cpp" line="+31"/>
        <source>%1 is outside the cluster; SparkDeck opens such pages in your web browser only when you click a link to them.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::Internal::BrowserTab</name>
    <message>
        <location filename="../gui/web/browsertab.cpp" line="+43"/>
        <location line="+76"/>
        <source>SparkDeck did not open this page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-76"/>
        <location line="+79"/>
        <source>Back to the Page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-2"/>
        <source>%1 is not a page of this cluster that SparkDeck can reach through its tunnel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>SparkDeck could not load %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The Spark master&apos;s web UI on this computer did not answer. If the cluster is stopped, start it, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This page is reached through an SSH tunnel to %1, which is open: the program serving it may not be running. For the Spark pages, start the cluster, then try again; or reconnect the tunnel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This page did not load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Try Again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reconnect</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::Internal::TunnelConnection</name>
    <message>
        <location filename="../core/ssh/tunnelconnection.cpp" line="+57"/>
        <source>No SSH session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+32"/>
        <source>A client spoke something other than SOCKS5 to the tunnel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The SOCKS client wants authentication; the tunnel offers none.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The SOCKS client asked for something other than CONNECT.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The SOCKS client used an unknown address type.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+59"/>
        <source>%1 could not open a connection to %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Writing to %1 through %2 failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Reading from %1 through %2 failed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::KeyGenerator</name>
    <message>
        <location filename="../core/ssh/keygenerator.cpp" line="+47"/>
        <source>No file was given for the new key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 exists already; SparkDeck never overwrites a key. Use it, or choose another file for the new key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 exists already (without its private key %2); SparkDeck never overwrites a key. Move it away, or choose another file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The key&apos;s comment must be one line of text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot create the folder %1 for the new key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 could not be started (%2). Install the OpenSSH client (Debian and Ubuntu: openssh-client; Windows: the optional feature &quot;OpenSSH Client&quot;), or make a key with any SSH tool and choose it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>ssh-keygen could not make %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>exit code %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>ssh-keygen did not write %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::KeyInstaller</name>
    <message>
        <location filename="../core/ssh/keyinstaller.cpp" line="+66"/>
        <source>The public key is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A public key is one line of text; this one has line breaks or control characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This is not an OpenSSH public key line (&quot;ssh-ed25519 AAAA... comment&quot;); it starts with &quot;%1&quot;. Use the .pub file, without options.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The key data of this %1 public key is damaged (not valid base64).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This public key says it is %1 but its key data is %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Cannot read the public key %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>No public key was given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No SSH session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Cannot add the key to ~/.ssh/authorized_keys of %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::KeystoneToken</name>
    <message>
        <location filename="../core/providers/openstack/keystonetoken.cpp" line="+82"/>
        <source>The OpenStack credentials (%1) need a user name, a password and a project (OS_USERNAME, OS_PASSWORD, OS_PROJECT_NAME), or an application credential (OS_APPLICATION_CREDENTIAL_ID and _SECRET).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Keystone&apos;s token has no service catalog: the credentials must be scoped to a project (OS_PROJECT_NAME).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::KnownHosts</name>
    <message>
        <location filename="../core/ssh/knownhosts.cpp" line="+91"/>
        <location line="+145"/>
        <source>Cannot read the known hosts file %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+21"/>
        <source>No known hosts file is set, so the host key of %1 cannot be saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cannot create the directory %1 for the known hosts file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-20"/>
        <location line="+26"/>
        <location line="+13"/>
        <source>Cannot write the known hosts file %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::LeaseDuration</name>
    <message>
        <location filename="../core/spec/leaseduration.cpp" line="+27"/>
        <source>&apos;%1&apos; is not a duration; write days, hours and minutes like 3h, 90m or 1d12h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&apos;%1&apos; must be between 1m and 365d</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::LocalMachine</name>
    <message>
        <location filename="../core/provisioning/localmachine.cpp" line="+37"/>
        <source>cannot start /bin/sh on this computer: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the command did not finish within %1 s on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+79"/>
        <source>this computer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::MachineGraphs</name>
    <message>
        <location filename="../core/providers/machinegraphs.cpp" line="+58"/>
        <source>Machines %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Create the machines of cluster &apos;%1&apos; on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Delete the machines of cluster &apos;%1&apos; on %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::MachinesPage</name>
    <message>
        <location filename="../gui/wizard/machinespage.cpp" line="+31"/>
        <source>&amp;This computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The master and the workers run here. The quickest way to try Spark or to develop a job.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Machines you already have</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Computers you reach over SSH: a classroom, a lab, a rack of servers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>VirtualBox virtual machines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New virtual machines on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>DigitalOcean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New droplets in your account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Amazon EC2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New instances in your account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Google Compute Engine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New instances in your project.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>OpenStack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New servers in your project.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Name and Machines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Give the cluster a name and choose where it runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>such as demo or spark-lab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cluster name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lowercase letters, digits and dashes, starting with a letter. It names the cluster&apos;s services and folders.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&amp;Cluster name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Where should the cluster run?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Coming in a later release</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 Coming in a later release.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+51"/>
        <source>&lt;a href=&quot;use&quot;&gt;Use “%1”&lt;/a&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::MainWindow</name>
    <message>
        <location filename="../gui/app/mainwindow.cpp" line="+67"/>
        <source>Cluster file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The cluster file, in YAML. Problems are underlined as you type. Tab indents with spaces; Ctrl+Tab moves to the problems list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+79"/>
        <source>&amp;Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open a cluster file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the cluster file as it is written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save &amp;As…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the cluster file under another name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close SparkDeck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Next Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move the cursor to the next problem in the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Previous Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move the cursor to the previous problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>S&amp;witch Between Editor and Problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cu&amp;t</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Paste</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Select &amp;All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Zoom &amp;In</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Zoom &amp;Out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About SparkDeck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New cluster file from a template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+62"/>
        <source>New cluster file from a template: edit it, then save it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+8"/>
        <location line="+7"/>
        <location line="+10"/>
        <source>Cannot Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-25"/>
        <source>“%1” is a folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a cluster file inside it, usually a .yaml file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>SparkDeck could not open “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1.

Check that the file exists and that you are allowed to read it, then open it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>“%1” is %2 MiB, far too large for a cluster file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A cluster file is a short YAML text of a few hundred bytes. Choose the .yaml file that describes your cluster.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>SparkDeck could not read “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1.

Check the disk or the network share, then open the file again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Opened %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>File Will Change When Saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“%1” is not plain UTF-8 text with one kind of line ending.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>SparkDeck shows it as well as it can. If you save it, it is written as UTF-8 text with %1 line endings; keep a copy if other programs need the original.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unix (LF)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Windows (CRLF)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Cannot Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>SparkDeck could not save “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1.

Your text is still here in the editor and the old file is unchanged. Choose File › Save As… to save it in another folder, or make room on the disk and save again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Saved %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Open Cluster File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+25"/>
        <source>Cluster files (*.yaml *.yml);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Save Cluster File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Unsaved Changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the changes to “%1”?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>If you don&apos;t save them, your changes are lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Untitled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <source>the text is larger than %1 MiB; a cluster file is a few lines of YAML</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+23"/>
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n problem</numerusform>
            <numerusform>%n problems</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Valid cluster &apos;%1&apos;, %n warning(s)</source>
        <translation>
            <numerusform>Valid cluster &apos;%1&apos;, %n warning</numerusform>
            <numerusform>Valid cluster &apos;%1&apos;, %n warnings</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Valid cluster &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Problems: none</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n error</numerusform>
            <numerusform>%n errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Problems: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Line %1, Column %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+79"/>
        <source>&amp;Clear Recent Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>About SparkDeck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h3&gt;SparkDeck %1&lt;/h3&gt;&lt;p&gt;A working Apache Spark cluster on the machines you have.&lt;/p&gt;&lt;p&gt;Describe the cluster in a cluster file; SparkDeck checks it as you type.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::MasterMonitor</name>
    <message>
        <location filename="../core/monitor/mastermonitor.cpp" line="+34"/>
        <source>SSH tunnel to %1:%2 through localhost:%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+108"/>
        <source>%1 (SSH: %2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::MasterStatus</name>
    <message>
        <location filename="../core/monitor/masterstatus.cpp" line="+53"/>
        <source>the master&apos;s /json/ answer is not a JSON object (%1); is this a Spark standalone master?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the master&apos;s /json/ answer is not a JSON object; is this a Spark standalone master?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the master&apos;s /json/ answer has no &apos;workers&apos; or &apos;status&apos;; is this a Spark standalone master?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::MemorySize</name>
    <message>
        <location filename="../core/spec/memorysize.cpp" line="+26"/>
        <source>memory &apos;%1&apos; has no unit; Spark would read it as bytes. Write it with a unit, such as %1m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>memory &apos;%1&apos; is not a size; write a whole number and a unit, like 512m or 2g</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+4"/>
        <source>memory &apos;%1&apos; is far too large</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>memory &apos;%1&apos; is below 1 MiB; Spark refuses to start a worker that small</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::NfsConfigRenderer</name>
    <message>
        <location filename="../core/render/nfsconfig.cpp" line="+31"/>
        <source>The shared folder &apos;%1&apos; cannot be exported: use an absolute path of letters, digits and . _ - + @ /.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The NFS path &apos;%1&apos; is not usable: use an absolute path of letters, digits and . _ - + @ /.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The shared folder has no clients: list the cluster&apos;s addresses.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&apos;%1&apos; is not an address, a CIDR range or a host name; it cannot be an NFS client.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+60"/>
        <source>nfs-ganesha can only bind to an IP address, not &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is not a TCP port.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>nfs-ganesha&apos;s state directory &apos;%1&apos; is not a plain absolute path.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::NoCloudSeedRenderer</name>
    <message>
        <location filename="../core/render/nocloudseed.cpp" line="+31"/>
        <source>instance id &apos;%1&apos; must be letters, digits, dots, dashes and underscores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>host name &apos;%1&apos; must be lowercase letters, digits and inner dashes, at most 63</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the adapters&apos; MAC addresses must be six lowercase hex pairs separated by colons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&apos;%1/%2&apos; is not an IPv4 address with a prefix length from 8 to 30</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::OpenStackClient</name>
    <message>
        <location filename="../core/providers/openstack/openstackclient.cpp" line="+130"/>
        <source>OpenStack has no public compute endpoint in region &apos;%1&apos; (regions with one: %2). Set machines.region or OS_REGION_NAME.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+55"/>
        <source>OpenStack&apos;s catalog has no public %1 endpoint in region %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::OpenStackLaunch</name>
    <message>
        <location filename="../core/providers/openstack/openstacklaunch.cpp" line="+97"/>
        <source>OpenStack servers need the user&apos;s public key and public address (SSH is opened to that address only). Check the SSH identity and the internet connection, and run again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>OpenStack has no flavor &apos;%1&apos; (machines.size); the project offers: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>with 2 vCPUs and 4 GiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>OpenStack has no image &apos;%1&apos; (machines.image); the project offers: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+40"/>
        <source>OpenStack already has a key pair &apos;%1&apos; with another public key. Delete it (openstack keypair delete %1) or rename the cluster.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+146"/>
        <source>OpenStack has no external network &apos;%1&apos; for floating IPs (SPARKDECK_OPENSTACK_FLOATING_NETWORK); the project sees: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+54"/>
        <source>OpenStack server %1 has no network port yet, so it cannot get a floating IP; run &apos;up&apos; again in a few minutes.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::OpenStackProvider</name>
    <message>
        <location filename="../core/providers/openstack/openstackprovider.cpp" line="+67"/>
        <source>No OpenStack Keystone URL: source your project&apos;s openrc file (OS_AUTH_URL...) or set OS_CLOUD to a cloud of your clouds.yaml.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+238"/>
        <source>SparkDeck does not know how to delete an OpenStack %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+37"/>
        <source>OpenStack server %1 is still there after it was deleted; run &apos;down&apos; again in a few minutes.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::PassphrasePrompter</name>
    <message>
        <location filename="../gui/dashboard/passphraseprompter.cpp" line="+53"/>
        <source>Key Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>That passphrase was wrong. The passphrase of the key %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The key %1 is protected by a passphrase. Passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::Plan</name>
    <message>
        <location filename="../core/provisioning/plan.cpp" line="+16"/>
        <source>Plan for cluster &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::Planner</name>
    <message>
        <location filename="../core/provisioning/planner.cpp" line="+52"/>
        <source>this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;address of machine %1&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;address of machine 1&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>machine %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create the machine on %1, tagged sparkdeck-cluster=%2, and wait for SSH</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>master</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>spare (used when scaling up)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>shared folder server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Preflight: operating system, CPU, memory, disk, free ports, Docker and swarm membership, clock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Preflight: operating system, CPU, memory, disk, free ports, Java, clock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Install a Java runtime if none is present</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Export %1 over NFS to the cluster&apos;s addresses only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Start the master on %1:7077 and wait until /json/ says ALIVE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Mount the shared folder at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Start a worker (%1 cores, %2) and wait until the master lists it ALIVE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Start Jupyter on %1 with a random token, wired to spark://%1:7077</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Copy Spark inside the cluster from the master %1, or from a worker host that passes it on (no host sends more than %2 copies), verify, unpack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Upload Spark from %1 once, verify its SHA-512, unpack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Download Spark %1, verify its SHA-512, unpack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Write conf/spark-env.sh (SPARK_LOCAL_IP=%1, master %2) and conf/spark-defaults.conf (authentication secret ********, reverse proxy on, decommission on, REST server off)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Install Docker (docker.io) if none is present</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Create the cluster&apos;s swarm, advertising %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Label every node for placement; create the overlay network and the authentication secret (******** on standard input)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Join the swarm of %1 as a worker node: POST /swarm/join to the node&apos;s Docker engine, the token (********) on standard input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Pull the image %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Upload the image archive %1 once, load %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the image archive inside the cluster from the master %1, or from a node that passes it on (no host sends more than %3 copies), load %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Deploy stack &apos;%1&apos; (%2 workers, %3 cores and %4 each) and wait until the master lists them ALIVE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+27"/>
        <source>provider &apos;existing&apos; needs at least one host</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::Preflight</name>
    <message>
        <location filename="../core/provisioning/preflight.cpp" line="+32"/>
        <source>Look at %1 (read-only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>no machine for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>the facts script failed (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+121"/>
        <source>Preflight check of cluster &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::PreflightEvaluator</name>
    <message>
        <location filename="../core/provisioning/preflightevaluator.cpp" line="+57"/>
        <source>Make SSH to %1 work first (address, port %2, user, key, known_hosts); the other checks need it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the facts script stopped before its end; some checks are missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run the preflight check again; if this repeats, check that /bin/sh works on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+61"/>
        <source>unknown OS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>; no supported package manager (apt-get, dnf, yum, zypper, apk), so SparkDeck cannot install Java or NFS packages here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Install Java 17 (and, for the shared folder, the NFS packages) on %1 by hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the host did not say how many CPUs it has</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 CPUs; %2 worker cores requested (%3 × workers.cores %4): tasks will share CPUs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lower workers.cores to %1, or use a host with at least %2 CPUs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 CPUs for %2 worker cores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 CPUs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the host did not say how much memory it has</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 worker(s) × workers.memory %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>about 1 GiB for the master</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lower workers.memory to %1m or less, or use a host with more memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use a host with more memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 of memory; needs %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 of memory; %2 needs %3, which leaves no room for the worker daemons and the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1; needs %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>cannot tell the free space under %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Make sure %1 has at least %2 free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 (on %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 free under %2; Spark&apos;s download and its unpacked copy need about 1.5 GiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Free space on the file system of %1, or mount a larger disk there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 free under %2; logs and the workers&apos; scratch files may fill it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Free space on the file system of %1 (at least %2 is comfortable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 free under %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Docker %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>installed, but the engine does not answer (%1); &apos;up&apos; starts it through the init system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start the Docker engine on %1 (systemctl start docker, or dockerd)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>not installed; &apos;up&apos; installs docker.io with apt-get</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>not installed; &apos;up&apos; runs apt-get update and installs docker.io</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>not installed; &apos;up&apos; installs Docker with %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>not installed, and %1 offers no docker.io</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+104"/>
        <source>not installed, and there is no package manager to install it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-103"/>
        <source>Install Docker on %1 and start it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>in no swarm; &apos;up&apos; creates the cluster&apos;s swarm here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>in no swarm; &apos;up&apos; joins it to the master&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>manager of the cluster&apos;s swarm %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>in the cluster&apos;s swarm (manager %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>already in another Docker swarm (%1, %2); SparkDeck does not take it over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leave that swarm on %1 (docker swarm leave) if it is not needed, or use another host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the login user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>logged in as root</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 may run sudo without a password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>run Docker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>install Java</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>serve or mount the shared folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>write %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is not root and sudo is not installed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is not root and sudo asks for a password (SparkDeck runs sudo -n)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Allow %1 passwordless sudo (a line &apos;%1 ALL=(ALL) NOPASSWD:ALL&apos; in /etc/sudoers.d/sparkdeck), or connect as root</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>; nothing here needs root yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>; SparkDeck needs root to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1: cannot tell its version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check that &apos;%1 -version&apos; works</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Java %1 is too old for Spark %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+4"/>
        <source>Install Java 17 and put it first on PATH, or set JAVA_HOME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Java %1; Spark %2 is made for Java 8, 11 and 17: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>not installed; &apos;up&apos; installs openjdk-17-jre-headless with apt-get</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>not installed; &apos;up&apos; runs apt-get update and installs openjdk-17-jre-headless</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>not installed; &apos;up&apos; installs Java 17 with %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>not installed; &apos;up&apos; installs default-jre-headless with apt-get (no OpenJDK 17 here)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>not installed, and %1 offers no OpenJDK 17</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Install Java 17 on %1 and put it on PATH or set JAVA_HOME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>missing %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>install %1 (packages tar, gzip, coreutils)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the master needs python3 to serve Spark to the workers and to wait for its status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a worker node needs python3 to join the swarm (the token goes to Docker&apos;s API, never on a command line)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>install python3 (e.g. apt-get install python3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+117"/>
        <source>passing Spark on to other worker hosts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-119"/>
        <source>a worker host needs python3 to copy Spark from the master and to see its workers registered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+26"/>
        <source>%1 is not an address of this host (it has %2); Spark binds its daemons to it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>List the host by its private address (one of %1) in the cluster file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is this host&apos;s own address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the host&apos;s name &apos;%1&apos; does not resolve on it; Spark does not need it (SparkDeck sets SPARK_LOCAL_IP), but applications started there may</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add &apos;%1 %2&apos; to /etc/hosts on %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&apos;%1&apos; resolves to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>pid %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>pid %1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>cannot list listening ports (neither ss nor /proc/net/tcp)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check by hand that nothing listens on port %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>in use by this cluster&apos;s own %1 (pid %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the kernel&apos;s NFS server listens: it will serve the shared folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>in use on %1 (%2), by a process SparkDeck cannot see</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>in use on %1 by %2; %3 needs it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Free port %1 (see &apos;sudo ss -ltnp sport = :%1&apos; on %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Free port %1 (used by %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>free on %1 (%2 listens on %3 only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>free (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the master</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the master&apos;s web UI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>applications&apos; UI; Spark moves to 4041.. when taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a worker&apos;s web UI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>nfs-ganesha, for the shared folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>sharing Spark with the worker hosts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>cannot test whether %1 reaches the other hosts: it has neither bash with timeout, python3 nor nc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Install python3 (or netcat) on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>cannot reach %1:%2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check that the NFS server %1 runs and lets %2 in (TCP 2049)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Allow TCP from %1 to %2: Spark uses 7077, 8080, 8081 and random ports between the cluster&apos;s hosts; check routes and firewalls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>reaches %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>ahead of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>behind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Synchronise the clock of %1 (chrony or systemd-timesyncd)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 s %2 this computer; package downloads and TLS checks fail with such a clock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 s %2 this computer; logs and the UI&apos;s times will disagree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>within %1 s of this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+27"/>
        <source>the kernel has an NFS server; %1 will be exported with nfs-kernel-server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the kernel has an NFS server; &apos;up&apos; installs nfs-kernel-server and exports %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>no NFS server in the kernel; nfs-ganesha (userspace, NFSv4) is installed and will serve %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>no NFS server in the kernel; &apos;up&apos; installs nfs-ganesha and nfs-ganesha-vfs (userspace, NFSv4) to serve %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>no NFS server in the kernel; &apos;up&apos; will try to install nfs-ganesha with %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Make sure %1 can install nfs-ganesha and its VFS module (on RHEL-like systems: EPEL or the CentOS Storage SIG)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>no NFS server in the kernel, and %1 offers no nfs-ganesha</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no NFS server in the kernel, and no package manager to install nfs-ganesha</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enable a repository with nfs-ganesha and nfs-ganesha-vfs, set shared_folder.server to a host with an NFS server, or turn the shared folder off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the kernel has an NFS client; %1 will be mounted at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the kernel has an NFS client; &apos;up&apos; installs the NFS mount tools and mounts %1 at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 cannot mount NFS: the kernel has no NFS client, so the shared folder will not appear at %2; its workers still start, and the folder stays reachable at %3 with libnfs tools%4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source> (installed here)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To mount it, use a kernel with NFS client support (CONFIG_NFS_FS, CONFIG_NFS_V4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To mount it, use a kernel with NFS client support (CONFIG_NFS_FS, CONFIG_NFS_V4); to reach it without a mount, install libnfs-utils (nfs-cp, nfs-ls)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::PreflightGate</name>
    <message>
        <location filename="../core/provisioning/preflightgate.cpp" line="+10"/>
        <source>Preflight: check every host before changing anything</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>all hosts</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+22"/>
        <source>Preflight found %n problem(s); nothing was changed. %1</source>
        <translation>
            <numerusform>Preflight found %n problem; nothing was changed. %1</numerusform>
            <numerusform>Preflight found %n problems; nothing was changed. %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SparkDeck::PreflightModel</name>
    <message>
        <location filename="../core/provisioning/preflightmodel.cpp" line="+49"/>
        <source>ok</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fix</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::PrivateKeyInfo</name>
    <message>
        <location filename="../core/ssh/privatekeyinfo.cpp" line="+34"/>
        <source>The key file %1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot read the key file %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The key file %1 is damaged or not a private key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1 is a public key; give the private key file (the same name without .pub).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is not a private key file SparkDeck can read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 is an RSA key. SparkDeck&apos;s SSH library (libssh2 1.10) signs RSA keys with SHA-1 (&quot;ssh-rsa&quot;), which OpenSSH 8.8 and later refuse by default. Create an ed25519 key (ssh-keygen -t ed25519), install its public key on the hosts (ssh-copy-id), and select it as the identity.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::ProblemsProxyModel</name>
    <message>
        <location filename="../gui/app/problemsproxymodel.cpp" line="+30"/>
        <source>file</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::ProviderConnector</name>
    <message>
        <location filename="../core/providers/providerconnector.cpp" line="+67"/>
        <source>The new machines need your public key, %1, which cannot be read (%2). Create a key pair with &apos;sparkdeck-cli keys FILE --generate&apos; or name yours in machines.ssh.identity.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::ProviderRegistry</name>
    <message>
        <location filename="../core/providers/providerregistry.cpp" line="+79"/>
        <source>Provider &apos;%1&apos; cannot create machines yet; use &apos;existing&apos; or &apos;local&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::ProvisioningView</name>
    <message>
        <location filename="../gui/dashboard/provisioningview.cpp" line="+37"/>
        <source>%p% of the steps ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overall progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Hosts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+242"/>
        <source>&amp;Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-214"/>
        <location line="+81"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-79"/>
        <source>Stop every step now (Esc). Nothing is left half-written; the run can be resumed later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+186"/>
        <source>&amp;Retry Failed Hosts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-184"/>
        <source>Run it again: the steps that are done are only checked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Show the Cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The run goes on, but its journal could not be written: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelling… every step is being stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 changes made, %2 checks found things already in place.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fix the cause, then choose Retry Failed Hosts: what is done is only checked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Note: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Partly done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Partly done: %1
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancelled. Nothing is half-written; choose Resume to carry on where it stopped: what is done is only checked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Failed: %1
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+24"/>
        <source>&amp;Log of %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::PublicAddressLookup</name>
    <message>
        <location filename="../core/providers/publicaddresslookup.cpp" line="+32"/>
        <source>The address service answered &apos;%1&apos;, which is not an IP address; set SPARKDECK_ADDRESS_LOOKUP_URL to another service.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Cannot learn this computer&apos;s public address (for the firewall): %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::RemoteProcess</name>
    <message>
        <location filename="../core/ssh/remoteprocess.cpp" line="+103"/>
        <source>No SSH session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+36"/>
        <source>The command on %1 did not finish within %2 s and was stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+37"/>
        <source>%1 refused to open a command channel: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 refused to run the command: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+91"/>
        <source>sudo on %1 asks %2 for a password, and SparkDeck runs sudo without a terminal (sudo -n). Allow %2 to run sudo without a password (a NOPASSWD rule in /etc/sudoers.d), or connect as root.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>sudo is not installed on %1; install it or connect as root.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Reading the output of the command on %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::ResourceJournal</name>
    <message>
        <location filename="../core/providers/resourcejournal.cpp" line="+46"/>
        <source>Cannot read the resource journal %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The resource journal %1 is damaged (%2). Do not delete it: it lists the cloud machines this cluster created. Repair it, or delete the machines tagged %3 in the provider&apos;s console.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+61"/>
        <source>The resource journal has no entry %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+94"/>
        <source>Cannot create the state folder %1; choose another with --state.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Cannot write the resource journal %1: %2. Free some disk space; the previous journal is intact.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::RestClient</name>
    <message>
        <location filename="../core/providers/restclient.cpp" line="+211"/>
        <source>%1 did not answer at %2 (%3). Check the network connection and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 answered %2 to %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>. Check the credentials (they may be wrong, expired or lack a permission).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>. The rate limit stayed exceeded; wait a few minutes and run again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::ReviewPage</name>
    <message>
        <location filename="../gui/wizard/reviewpage.cpp" line="+39"/>
        <source>Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This is the cluster file Save writes, and what SparkDeck will do on each machine when it creates the cluster.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Save…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Cluster file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cluster &amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>No plan: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Ready: the cluster file is valid. Save… writes it and opens it in the editor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Warning: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Go back and fix this first:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Valid, with a remark:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::RunJournal</name>
    <message>
        <location filename="../core/provisioning/runjournal.cpp" line="+40"/>
        <source>Cannot read the run journal %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The run journal %1 is damaged (%2). Move it aside to start a new one; every step checks the hosts anyway.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+36"/>
        <location line="+19"/>
        <source>no run has begun</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Cannot create the state folder %1; choose another with --state.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot write the run journal %1: %2. Free some disk space; the previous journal is intact.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::ScaleHandle</name>
    <message>
        <location filename="../gui/dashboard/scalehandle.cpp" line="+15"/>
        <source>Number of workers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drag, or press Left and Right, to choose the number of workers; Enter applies, Escape goes back.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::ScriptStep</name>
    <message>
        <location filename="../core/provisioning/scriptstep.cpp" line="+36"/>
        <source>the machine is gone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+50"/>
        <source>%1: %2 did not take effect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1: %2 failed (%3)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::SecretTask</name>
    <message>
        <location filename="../core/provisioning/secrettask.cpp" line="+28"/>
        <source>%1: %2 failed (%3)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::SeedIso</name>
    <message>
        <location filename="../core/providers/virtualbox/seediso.cpp" line="+23"/>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+21"/>
        <source>No program to make the VMs&apos; cloud-init seed disk (an ISO labelled &apos;cidata&apos;) was found. Install one: &apos;sudo apt install genisoimage&apos; (Debian, Ubuntu), &apos;brew install xorriso&apos; (macOS), or xorriso from MSYS2 or Cygwin on PATH (Windows).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Cannot create the folder %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+33"/>
        <source>%1 could not make the seed disk %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 could not be started: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::SetupWizard</name>
    <message>
        <location filename="../gui/wizard/setupwizard.cpp" line="+32"/>
        <source>New Cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+64"/>
        <source>New Cluster: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Save Cluster File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cluster files (*.yaml *.yml);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Cannot Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SparkDeck could not save “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1

The wizard keeps everything you entered: choose another folder and save again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::SetupWizardPage</name>
    <message>
        <location filename="../gui/wizard/setupwizardpage.cpp" line="+110"/>
        <source>Warning: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::SftpFanOut</name>
    <message>
        <location filename="../core/ssh/sftpfanout.cpp" line="+99"/>
        <source>Cannot copy %1: there is no such file or folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cannot copy %1: it is neither a file nor a folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cannot read the folder %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+125"/>
        <source>Cannot create the folder %1 on %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+139"/>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::SftpTransfer</name>
    <message>
        <location filename="../core/ssh/sftptransfer.cpp" line="+84"/>
        <source>No SSH session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cannot create the directory %1 on %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+49"/>
        <source>no such file or directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>permission denied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>no space left on the device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 %2 on %3 failed: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+50"/>
        <source>%1 refused SFTP: %2 (is the sftp subsystem enabled in sshd_config?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+64"/>
        <location line="+43"/>
        <source>Reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-76"/>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+33"/>
        <location line="+31"/>
        <source>Writing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-14"/>
        <location line="+71"/>
        <source>Reading %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-36"/>
        <source>Writing %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Cannot compute the checksum of %1 on %2 (%3): %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The copy of %1 on %2 is damaged: its %3 is %4, expected %5. The partial file was removed; copy again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Cannot move %1 into place on %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cannot move %1 into place: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::SharedFolderPage</name>
    <message>
        <location filename="../gui/wizard/sharedfolderpage.cpp" line="+20"/>
        <source>Shared Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A folder every machine of the cluster sees at the same path: put data and jobs there once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Share a folder between the machines of the cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+88"/>
        <source>The &amp;master serves it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-86"/>
        <source>&amp;Another server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>address or host name of an NFS server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shared folder server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+34"/>
        <source>&amp;Folder on the server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>M&amp;ounted on the workers at:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Served by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>An absolute path; SparkDeck creates it and exports it over NFS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Usually the same path, so that a job finds its files at the same place on every machine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+27"/>
        <source>This &amp;computer serves it (it runs the master)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::SharedFolderRecipe</name>
    <message>
        <location filename="../core/provisioning/sharedfolderrecipe.cpp" line="+51"/>
        <source>the machine is gone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Choose the NFS server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1: cannot tell which NFS server to use (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>the kernel&apos;s NFS server (nfs-kernel-server)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>nfs-ganesha, a userspace NFSv4 server (the kernel here has no nfsd, or nfs-ganesha already serves this cluster)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Mount the shared folder at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1: cannot tell whether the shared folder is mounted (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>mounted %1 at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 cannot mount NFS: the kernel has no NFS client; the folder is still reachable at %2 with libnfs tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source> (install libnfs-utils on %1 for nfs-ls and nfs-cp)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1: cannot mount %2 at %3 (%4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Check the shared folder: write here, read on the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 cannot write to the shared folder (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>through libnfs (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>through the mount at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 wrote to the shared folder %2, but the server did not read it back (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 wrote a file %2 and the server %3 read it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 wrote a file %2 and read it back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+86"/>
        <source>this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Serve the shared folder %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Check that the NFS server %1 answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start the NFS server %1 and let the cluster&apos;s hosts reach TCP port %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Create the shared folder %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Create %1 on %2 by hand, or give the login user sudo rights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Write the NFS export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Install the NFS server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Install nfs-ganesha and nfs-ganesha-vfs (or nfs-kernel-server, where the kernel has nfsd) on %1 by hand, or give the login user sudo rights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Export %1 to %2 only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Serve %1 over NFSv4 at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>See the NFS server&apos;s log (nfs-ganesha: %1) and check that nothing else holds port %2 on %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The shared folder is at %1 on this host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show the shared folder at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Shared folder on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Check the shared folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Remove the shared folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unmount the shared folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Unmount the shared folder at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Stop serving the shared folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Delete the shared folder&apos;s data in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Delete the shared folder&apos;s data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;%1&apos; is not a plain absolute path; delete it by hand</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::SoftwarePage</name>
    <message>
        <location filename="../gui/wizard/softwarepage.cpp" line="+37"/>
        <source>Software</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Which Spark the cluster runs, and how.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>How Spark runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>S&amp;tandalone: Spark&apos;s own master and worker processes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Docker S&amp;warm: the master and workers as containers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Spark distribution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;File…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use a Spark .tgz file on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Download</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Download this version from the Apache archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Docker image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Docker image archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none: every node pulls the image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;hoose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use an image archive made by &apos;docker save&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Spark &amp;package:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Docker &amp;image:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Image a&amp;rchive:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>An https URL or a .tgz file on this computer; it is copied to the cluster once and its checksum verified.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Optional, for machines without registry access: a &apos;docker save&apos; file of the image on this computer; it is copied to the cluster once and loaded on every node.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Run a &amp;Jupyter notebook server on the master</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Notebooks reach the cluster&apos;s Spark directly; SparkDeck opens them through its SSH tunnel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Spark &amp;version:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Choose a Spark Package</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spark packages (*.tgz *.tar.gz);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Choose an Image Archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Image archives (*.tar *.tar.gz);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::SparkMasterClient</name>
    <message>
        <location filename="../core/monitor/sparkmasterclient.cpp" line="+48"/>
        <source>Cannot read the Spark master&apos;s status at %1: %2. Is the master running, and the tunnel to it open?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::SshFanOut</name>
    <message>
        <location filename="../core/ssh/sshfanout.cpp" line="+101"/>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::SshSession</name>
    <message>
        <location filename="../core/ssh/sshsession.cpp" line="+160"/>
        <location line="+838"/>
        <source>The connection to %1 was closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-791"/>
        <source>Cannot find the host %1: %2. Check the address in the cluster file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Cannot connect to %1 port %2: %3. Check that the machine is on and that sshd listens on that port.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>no usable address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Cannot start an SSH session to %1: out of memory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+232"/>
        <source>connecting to %1 port %2 timed out after %3 s; check the address and any firewall in between</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the SSH login on %1 did not finish within %2 s; the host or sshd may be overloaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+40"/>
        <source>The connection to %1 was lost: no answer for %2 s. The host may be down or the network interrupted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The SSH handshake with %1 failed: %2. Is an SSH server listening on port %3?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 sent no host key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+25"/>
        <source>WARNING: the host key of %1 has CHANGED. It is now %2 %3, but %4 line %5 lists a different %2 key. Someone may be intercepting the connection, or the machine was reinstalled. SparkDeck refuses to connect. If you are sure the machine was reinstalled, remove the old key with: %6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>WARNING: the host key of %1 (%2) is marked as revoked in %3 line %4. SparkDeck refuses to connect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>WARNING: %1 offered a %2 host key (%3), but %4 lists only %5 keys for it. The host key may have been replaced; SparkDeck refuses to connect. If the machine was reinstalled, remove the old entry with: %6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The host key of %1 (%2 %3) is not in %4, and the host key policy is strict. Verify the fingerprint with the machine&apos;s owner, then add it (for example connect once with the policy accept-new or ask).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The host key of %1 (%2 %3) is not in %4, and nobody can be asked to confirm it. Use the host key policy accept-new, or add the key first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>You did not trust the host key of %1 (%2), so SparkDeck did not connect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Cannot log in to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>the key %1 is protected by a passphrase and SparkDeck could not ask for it (load it into ssh-agent instead)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-58"/>
        <source>no passphrase was given for the key %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+190"/>
        <source>The connection to %1 broke during login: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-107"/>
        <source>the passphrase for the key %1 was wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the key file %1 could not be read (unsupported format)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the server refused the RSA key %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the server refused the key %1 (its public key is not in ~%2/.ssh/authorized_keys there)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>ssh-agent could not be reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>ssh-agent holds no keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>the server refused all %n key(s) of ssh-agent</source>
        <translation>
            <numerusform>the server refused all %n key of ssh-agent</numerusform>
            <numerusform>the server refused all %n keys of ssh-agent</numerusform>
        </translation>
    </message>
    <message>
        <location line="+41"/>
        <source>the server does not accept passwords</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the password was refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Authentication as %1 on %2 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>no key file is set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the server accepts only %1, and no password was given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The key %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A key in ssh-agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+44"/>
        <source>The connection to %1 was closed by the remote side (sshd stopped, the machine rebooted, or the network dropped).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The connection to %1 was lost: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+167"/>
        <source>no session</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::SshTunnel</name>
    <message>
        <location filename="../core/ssh/sshtunnel.cpp" line="+29"/>
        <source>The tunnel has no destination.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot listen on %1 port %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::StandaloneRecipe</name>
    <message>
        <location filename="../core/provisioning/standalonerecipe.cpp" line="+33"/>
        <location line="+244"/>
        <source>Learn the distribution&apos;s SHA-512</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-214"/>
        <source>Cannot fetch the checksum %1: %2. Put the distribution&apos;s SHA-512 in the cluster file (spark.sha512).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 holds no SHA-512; put the checksum in the cluster file (spark.sha512).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Write conf/spark-env.sh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Write conf/spark-defaults.conf (secret ********)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Prepare a worker host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-53"/>
        <source>Install a Java runtime</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Install Java 17 on the host by hand, or give the login user sudo rights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Upload Spark from this computer (once)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Download Spark %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check that the master can reach %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Check that this host reaches the master at %1 on port %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-34"/>
        <source>Unpack Spark %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Start worker %1 (%2 cores, %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>See the worker&apos;s log in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Bring up cluster &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-54"/>
        <source>Start the master on %1:%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-32"/>
        <source>Bring Spark to the master</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Start the master</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>See the master&apos;s log in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Wait until the master is ALIVE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Copy Spark from %1 and unpack it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy Spark from the master and unpack it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Preflight, and the distribution&apos;s checksum meanwhile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Add workers to cluster &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Read or create the cluster&apos;s authentication secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Share Spark with the workers on port %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Start the workers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Worker hosts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Workers on the master&apos;s host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Wait for the master to start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Start the master while the workers get Spark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+108"/>
        <source>Stop sharing Spark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-90"/>
        <source>Wait until the master lists the workers ALIVE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Jupyter on the master</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Install Jupyter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Install Jupyter Notebook on the master by hand (jupyter-notebook package, or pip)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Read or create Jupyter&apos;s token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Write Jupyter&apos;s token (********)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Start Jupyter on %1:%2, wired to the cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>See Jupyter&apos;s log in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wait until Jupyter answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Remove workers gracefully</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+1"/>
        <source>Decommission worker %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wait until the master no longer lists it ALIVE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+14"/>
        <source>Stop worker %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Tear down cluster &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stop the workers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Stop Jupyter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop the master</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Remove the cluster&apos;s files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::StartPage</name>
    <message>
        <location filename="../gui/app/startpage.cpp" line="+74"/>
        <location line="+11"/>
        <source>SparkDeck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A working Apache Spark cluster on the machines you have.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;New Cluster…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step by step: machines, workers, Spark, then a cluster file to keep.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Open Cluster File…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A .yaml cluster file that you or a colleague wrote.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Templates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Clusters you create or open appear here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Clear List</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Recent Clusters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+102"/>
        <source>Bring It Up Now?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“%1” is saved. Bring it up now?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>on its machines</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>SparkDeck installs, configures and starts Spark %1: a master and %n worker(s). You follow each host as it goes and can cancel at any time; what is done stays done.</source>
        <translation>
            <numerusform>SparkDeck installs, configures and starts Spark %1: a master and %n worker. You follow each host as it goes and can cancel at any time; what is done stays done.</numerusform>
            <numerusform>SparkDeck installs, configures and starts Spark %1: a master and %n workers. You follow each host as it goes and can cancel at any time; what is done stays done.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Bring Up Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Cluster File Not Found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“%1” is no longer in %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>It was moved, renamed or deleted, or its disk is not connected. Remove it from the recent clusters?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Remove From List</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Open Cluster File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cluster files (*.yaml *.yml);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::Step</name>
    <message>
        <location filename="../core/provisioning/step.cpp" line="+38"/>
        <source>already done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 reported success, but the check afterwards says it did not happen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+25"/>
        <source>%1; trying again in %2 s (attempt %3 of %4)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::SwarmRecipe</name>
    <message>
        <location filename="../core/provisioning/swarmrecipe.cpp" line="+69"/>
        <source>Bring up cluster &apos;%1&apos; on Docker swarm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Docker on every host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Install Docker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Install Docker (docker.io) on the host and start it, or give the login user sudo rights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Create the overlay network %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Create the authentication secret %1 (********)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Write the stack file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Deploy stack %1 (%2 workers)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+151"/>
        <source>Wait until every service runs all its replicas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-142"/>
        <source>The swarm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Create the swarm, advertising %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Read the swarm&apos;s join token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Join the swarm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Join the swarm of %1 (token ********)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Check that this host reaches %1 on ports 2377/tcp, 7946/tcp+udp and 4789/udp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Label the nodes for placement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The image %1 on every node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pull %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check that the host reaches the image&apos;s registry, or give an image archive (spark.image_archive)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The image %1 from an archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Learn the image archive&apos;s SHA-512</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Load %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The archive must hold the image %1 (spark.image)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Upload the image archive from this computer (once)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Share the image archive with the workers on port %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Worker nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The image on a worker node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Copy the image archive from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the image archive from the master</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Check that this host reaches the master at %1 on port %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+82"/>
        <source>Stop sharing the image archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-65"/>
        <source>Wait until the master lists %1 workers ALIVE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Scale cluster &apos;%1&apos; to %2 workers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Scale service %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Tear down cluster &apos;%1&apos; on Docker swarm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Remove stack %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+2"/>
        <source>Wait until the stack&apos;s containers are gone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Remove the overlay network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remove the authentication secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+2"/>
        <source>Remove the stack&apos;s volumes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Leave the swarm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Leave the swarm of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Dissolve the swarm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Remove the cluster&apos;s files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::TaskGroup</name>
    <message>
        <location filename="../core/provisioning/taskgroup.cpp" line="+107"/>
        <source>%1 of %2 tasks in &apos;%3&apos; failed; the first: %4</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::TotalsHeader</name>
    <message>
        <location filename="../gui/dashboard/totalsheader.cpp" line="+30"/>
        <source>Master</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Workers alive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cores in use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Memory in use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Applications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+24"/>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+1"/>
        <location line="+1"/>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n running</source>
        <translation>
            <numerusform>%n running</numerusform>
            <numerusform>%n running</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n completed</source>
        <translation>
            <numerusform>%n completed</numerusform>
            <numerusform>%n completed</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>not reached</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::UploadStep</name>
    <message>
        <location filename="../core/provisioning/uploadstep.cpp" line="+58"/>
        <source>uploaded %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1: %2 failed (%3)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::VBoxManage</name>
    <message>
        <location filename="../core/providers/virtualbox/vboxmanage.cpp" line="+63"/>
        <source>The virtual machine could not start: Windows&apos; Hyper-V holds the CPU&apos;s virtualization (VERR_NEM_NOT_AVAILABLE). Turn off Hyper-V, Virtual Machine Platform and Windows Hypervisor Platform in &quot;Turn Windows features on or off&quot; (or run &apos;bcdedit /set hypervisorlaunchtype off&apos; as administrator), then restart the computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The virtual machine could not start: VT-x is turned off in this computer&apos;s BIOS/UEFI (%1). Restart, open the firmware settings and enable &quot;Intel Virtualization Technology&quot; (VT-x), then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The virtual machine could not start: VT-x is not available (VERR_VMX_NO_VMX). Enable &quot;Intel Virtualization Technology&quot; in the BIOS/UEFI settings; inside a virtual machine, enable nested virtualization; on Windows, turn Hyper-V off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The virtual machine could not start: AMD-V is not available (VERR_SVM_NO_SVM). Enable &quot;SVM Mode&quot; (AMD-V) in the BIOS/UEFI settings; inside a virtual machine, enable nested virtualization; on Windows, turn Hyper-V off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The virtual machine could not start: another hypervisor (KVM, QEMU, VMware) is using the CPU&apos;s virtualization. Stop its virtual machines, or unload KVM (&apos;sudo modprobe -r kvm_intel kvm_amd&apos;), then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>VirtualBox refused the host-only network&apos;s addresses (%1 failed: %2). VirtualBox 6.1.28 and later allow only 192.168.56.0/21 unless /etc/vbox/networks.conf says more: add a line such as &apos;* 192.168.56.0/21&apos; to it (create the file as administrator).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 failed: %2. The virtual machine is not registered in VirtualBox (any more).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 failed (exit code %2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>VBoxManage, VirtualBox&apos;s command line, was not found (looked at SPARKDECK_VBOXMANAGE, on PATH and in VirtualBox&apos;s install folder). Install VirtualBox 7 from https://www.virtualbox.org/wiki/Downloads (Debian/Ubuntu: the virtualbox-7.0 package), or set SPARKDECK_VBOXMANAGE to the VBoxManage program.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::VirtualBoxLaunch</name>
    <message>
        <location filename="../core/providers/virtualbox/virtualboxlaunch.cpp" line="+49"/>
        <source>VirtualBox size &apos;%1&apos; must read like 2cpu-4g or 1cpu-1536m (CPUs, then memory).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>VirtualBox size &apos;%1&apos; gives less than 512 MiB of memory; Spark needs more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+135"/>
        <source>Every /24 of 192.168.56.0/21, the host-only range VirtualBox allows by default, is taken by another host-only network. Remove one you no longer use (VirtualBox Manager: File &gt; Tools &gt; Network Manager), or delete another cluster.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+52"/>
        <source>VBoxManage hostonlyif create did not name the adapter it made: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::VirtualBoxPreflight</name>
    <message>
        <location filename="../core/providers/virtualbox/virtualboxpreflight.cpp" line="+36"/>
        <source>this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>VT-x/AMD-V available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>VirtualBox did not say whether the CPU supports virtualization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the CPU offers no hardware virtualization to VirtualBox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enable Intel VT-x or AMD-V (&quot;SVM Mode&quot;) in the BIOS/UEFI settings; on Windows turn Hyper-V off; inside a virtual machine, enable nested virtualization.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 VMs x %2 MiB + %3 MiB for this computer = %4 MiB of %5 MiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Use fewer or smaller VMs (machines.size, e.g. 1cpu-1536m), or close other programs and VMs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 free, %2 needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Free disk space in the cache folder, or use fewer VMs.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::VirtualBoxProvider</name>
    <message>
        <location filename="../core/providers/virtualbox/virtualboxprovider.cpp" line="+83"/>
        <source>This computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Debian 12 (cloud image)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+71"/>
        <source>SparkDeck does not know how to delete a VirtualBox %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+146"/>
        <source>this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>VBoxManage not found</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::WaitMachinesReadyTask</name>
    <message numerus="yes">
        <location filename="../core/providers/waitmachinesreadytask.cpp" line="+10"/>
        <source>Wait until %n machine(s) are running</source>
        <translation>
            <numerusform>Wait until %n machine are running</numerusform>
            <numerusform>Wait until %n machines are running</numerusform>
        </translation>
    </message>
    <message>
        <location line="+34"/>
        <source>No machine %1 was created; run &apos;up&apos; again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Machine %1 is %2 instead of starting; run &apos;down&apos; to delete the cluster&apos;s machines, then &apos;up&apos; again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 is running at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n machine(s) running</source>
        <translation>
            <numerusform>%n machine running</numerusform>
            <numerusform>%n machines running</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 of %2 machines are still not running after %3 checks; run &apos;up&apos; again to wait more, or &apos;down&apos; to delete them.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::WaitSshReadyTask</name>
    <message numerus="yes">
        <location filename="../core/providers/waitsshreadytask.cpp" line="+14"/>
        <source>Wait until SSH answers on %n machine(s)</source>
        <translation>
            <numerusform>Wait until SSH answers on %n machine</numerusform>
            <numerusform>Wait until SSH answers on %n machines</numerusform>
        </translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Machine %1 has no address yet; run &apos;up&apos; again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not every machine was created; run &apos;up&apos; again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+43"/>
        <source>%1 accepts SSH logins</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n machine(s) reachable over SSH</source>
        <translation>
            <numerusform>%n machine reachable over SSH</numerusform>
            <numerusform>%n machines reachable over SSH</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 did not accept an SSH login after %2 tries (%3). Check that the key %4 is yours; run &apos;up&apos; again to retry.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::WebRoutes</name>
    <message>
        <location filename="../core/monitor/webroutes.cpp" line="+143"/>
        <source>SparkDeck&apos;s browser opens web pages only; it does not open %1: addresses.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+26"/>
        <source>%1 is another program on this computer, not a page of this cluster; SparkDeck&apos;s browser opens only the cluster&apos;s pages.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is an address of a private network. SparkDeck never connects to it directly: it opens the cluster&apos;s pages through the SSH tunnel to the master, and this address is not one the master&apos;s reverse proxy knows.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::WorkerModel</name>
    <message>
        <location filename="../core/monitor/workermodel.cpp" line="+127"/>
        <location line="+58"/>
        <source>Worker %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Other worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+43"/>
        <source>No news</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Decommissioning…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stopping…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not running</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+32"/>
        <source>%1 of %n core(s) used</source>
        <translation>
            <numerusform>%1 of %n core used</numerusform>
            <numerusform>%1 of %n cores used</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 of %2 used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The master lists this worker, but the cluster file does not place it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Memory</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::WorkerStrip</name>
    <message>
        <location filename="../gui/dashboard/workerstrip.cpp" line="+104"/>
        <source>Number of workers: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+185"/>
        <source>%n worker(s)</source>
        <translation>
            <numerusform>%n worker</numerusform>
            <numerusform>%n workers</numerusform>
        </translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Worker %1
will start</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::WorkerTile</name>
    <message>
        <location filename="../gui/dashboard/workertile.cpp" line="+60"/>
        <source>%1 on %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, %1 cores, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, will be removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1
%2
Double-click for the worker&apos;s page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The master lists this worker, but the cluster file does not place it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+111"/>
        <source>Will be removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1/%2 cores · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not listed yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not listed by the master</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Master not reached</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::WorkersPage</name>
    <message>
        <location filename="../gui/wizard/workerspage.cpp" line="+38"/>
        <source>Workers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Workers run the tasks of Spark jobs. Choose how many, and what each one offers to Spark.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source> cores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source> MiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;Workers:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Cores per worker:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Memory per worker:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The workers would offer more than this computer has: Spark still starts, but jobs that use it all will be slow or fail. Fewer workers, cores or memory fit better.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+41"/>
        <source>Lowered from %1 to %n: standalone mode runs one worker per host, and you listed %n host(s).</source>
        <translation>
            <numerusform>Lowered from %1 to %n: standalone mode runs one worker per host, and you listed %n host.</numerusform>
            <numerusform>Lowered from %1 to %n: standalone mode runs one worker per host, and you listed %n hosts.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+15"/>
        <source>In all: %1 and %2 of memory for Spark jobs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <location line="+10"/>
        <source>%n core(s)</source>
        <translation>
            <numerusform>%n core</numerusform>
            <numerusform>%n cores</numerusform>
        </translation>
    </message>
    <message>
        <location line="-1"/>
        <source>This computer has %1 and %2 of memory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>Standalone mode runs one worker per host, the master&apos;s host last, so %n host(s) hold at most %n worker(s).</source>
        <translation>
            <numerusform>Standalone mode runs one worker per host, the master&apos;s host last, so %n host holds at most %n worker.</numerusform>
            <numerusform>Standalone mode runs one worker per host, the master&apos;s host last, so %n hosts hold at most %n workers.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Swarm mode places the workers as containers on the %n host(s).</source>
        <translation>
            <numerusform>Swarm mode places the workers as containers on the %n host.</numerusform>
            <numerusform>Swarm mode places the workers as containers on the %n hosts.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Whether each host has the cores and memory is checked when the cluster is provisioned.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkDeck::XmlNode</name>
    <message>
        <location filename="../core/providers/aws/xmlnode.cpp" line="+46"/>
        <source>The answer is not well-formed XML (%1, line %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no element</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../gui/app/main.cpp" line="+77"/>
        <source>SparkDeck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Create, open and edit SparkDeck cluster files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The cluster file to open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open the file in the editor, not in its cluster window.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
