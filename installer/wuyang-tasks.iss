; Inno Setup script: the Windows installer over the PyInstaller folder dist\wuyang-tasks.
;   iscc /DAppVersion=0.1.0 installer\wuyang-tasks.iss   ->  dist\wuyang-tasks-setup-0.1.0.exe
; Per-user install without administrator rights; an upgrade installs over the old version in
; place (same AppId); the ledger and backups live in the user's data folder
; (%LOCALAPPDATA%\wuyang-tasks), which neither the upgrade nor the uninstaller touches.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=x.y.z (the workflow reads it from pyproject.toml)
#endif

[Setup]
AppId={{8E6C2B7A-5C1D-4E8F-9A3B-2D7F0C4E1B95}
AppName=舞阳县任务督办
AppVersion={#AppVersion}
AppVerName=舞阳县任务督办 {#AppVersion}
AppPublisher=舞阳县委县政府督查室
DefaultDirName={autopf}\wuyang-tasks
DefaultGroupName=舞阳县任务督办
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\dist
OutputBaseFilename=wuyang-tasks-setup-{#AppVersion}
SetupIconFile=..\wuyang_tasks\resources\icons\app.ico
UninstallDisplayIcon={app}\wuyang-tasks.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes
DisableProgramGroupPage=yes

[Languages]
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"

[Tasks]
Name: "desktopicon"; Description: "在桌面创建快捷方式"; GroupDescription: "附加快捷方式："

[InstallDelete]
; Remove the previous version's program files (never the data folder) so no stale module lingers.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "..\dist\wuyang-tasks\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\舞阳县任务督办"; Filename: "{app}\wuyang-tasks.exe"
Name: "{group}\卸载舞阳县任务督办"; Filename: "{uninstallexe}"
Name: "{autodesktop}\舞阳县任务督办"; Filename: "{app}\wuyang-tasks.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\wuyang-tasks.exe"; Description: "启动舞阳县任务督办"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete]: the uninstaller removes only what it installed. The ledger, its backups
; and settings stay in %LOCALAPPDATA%\wuyang-tasks (evidence for 终身追责).
