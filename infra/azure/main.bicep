// Switchboard on Azure: a storage account (grain state, membership, reminders, stream pub/sub in Azure Tables),
// a VNet-integrated Container Apps environment, two or more silos and a client-mode API in front of them.
// Deploy:  az deployment group create -g <group> -f infra/azure/main.bicep -p siloImage=<image> apiImage=<image> operatorKey=<secret>
// Images:  silo/Dockerfile and api/Dockerfile (the same as infra/compose/compose.yaml). Details and caveats: infra/README.md.

@description('Where everything goes.')
param location string = resourceGroup().location

@description('Prefix of every resource name (3-11 lower-case letters and digits).')
@minLength(3)
@maxLength(11)
param prefix string = 'switchboard'

@description('Silo image (silo/Dockerfile).')
param siloImage string

@description('API image (api/Dockerfile).')
param apiImage string

@description('The operator key that may create tenants (POST /v1/tenants); keep it in a vault.')
@secure()
param operatorKey string

@description('How many silos run at least.')
@minValue(1)
param minSilos int = 2

@description('Orleans cluster id; silos and API must share it.')
param clusterId string = 'switchboard'

var storageName = toLower('${prefix}${uniqueString(resourceGroup().id)}')

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: take(storageName, 24)
  location: location
  sku: { name: 'Standard_ZRS' }
  kind: 'StorageV2'
  properties: {
    minimumTlsVersion: 'TLS1_2'
    allowBlobPublicAccess: false
    supportsHttpsTrafficOnly: true
  }
}

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${prefix}-logs'
  location: location
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: 30
  }
}

// Silos must reach each other (and the API must reach them) directly by container IP: a VNet-integrated environment.
resource network 'Microsoft.Network/virtualNetworks@2024-01-01' = {
  name: '${prefix}-vnet'
  location: location
  properties: {
    addressSpace: { addressPrefixes: ['10.40.0.0/16'] }
    subnets: [
      {
        name: 'apps'
        properties: {
          addressPrefix: '10.40.0.0/23'
          delegations: [{ name: 'apps', properties: { serviceName: 'Microsoft.App/environments' } }]
        }
      }
    ]
  }
}

resource environment 'Microsoft.App/managedEnvironments@2024-03-01' = {
  name: '${prefix}-env'
  location: location
  properties: {
    vnetConfiguration: { infrastructureSubnetId: network.properties.subnets[0].id, internal: false }
    workloadProfiles: [{ name: 'Consumption', workloadProfileType: 'Consumption' }]
    appLogsConfiguration: {
      destination: 'log-analytics'
      logAnalyticsConfiguration: {
        customerId: logs.properties.customerId
        sharedKey: logs.listKeys().primarySharedKey
      }
    }
  }
}

var storageConnection = 'DefaultEndpointsProtocol=https;AccountName=${storage.name};AccountKey=${storage.listKeys().keys[0].value};EndpointSuffix=${environment().suffixes.storage}'

// The same settings a local run uses (README, "Configuration"); each silo advertises its own container address.
var clusterSettings = [
  { name: 'Storage__Provider', value: 'AzureTables' }
  { name: 'ConnectionStrings__AzureStorage', secretRef: 'storage-connection' }
  { name: 'Orleans__ClusterId', value: clusterId }
  { name: 'Orleans__AdvertisedAddress', value: 'auto' }
  // Live events on Azure queues (the default with AzureTables): silos and the API must agree on the count; each queue is
  // polled every period, one storage transaction each time.
  { name: 'Storage__LiveQueueCount', value: '4' }
  { name: 'Storage__LiveQueuePollMilliseconds', value: '10' }
]

resource silos 'Microsoft.App/containerApps@2024-03-01' = {
  name: '${prefix}-silo'
  location: location
  properties: {
    environmentId: environment.id
    workloadProfileName: 'Consumption'
    configuration: {
      secrets: [{ name: 'storage-connection', value: storageConnection }]
    }
    template: {
      containers: [
        {
          name: 'silo'
          image: siloImage
          resources: { cpu: json('1.0'), memory: '2Gi' }
          env: clusterSettings
        }
      ]
      scale: { minReplicas: minSilos, maxReplicas: 10 }
    }
  }
}

resource api 'Microsoft.App/containerApps@2024-03-01' = {
  name: '${prefix}-api'
  location: location
  properties: {
    environmentId: environment.id
    workloadProfileName: 'Consumption'
    configuration: {
      ingress: { external: true, targetPort: 8080, transport: 'auto' }
      secrets: [
        { name: 'storage-connection', value: storageConnection }
        { name: 'operator-key', value: operatorKey }
      ]
    }
    template: {
      containers: [
        {
          name: 'api'
          image: apiImage
          resources: { cpu: json('1.0'), memory: '2Gi' }
          env: concat(clusterSettings, [
            { name: 'Orleans__Mode', value: 'Client' }
            { name: 'Auth__OperatorKey', secretRef: 'operator-key' }
            // The ingress is the only way in: per-address limits count the client it forwards for.
            { name: 'Api__TrustForwardedFor', value: 'true' }
          ])
          probes: [
            { type: 'Liveness', httpGet: { path: '/health/live', port: 8080 } }
            { type: 'Readiness', httpGet: { path: '/health/ready', port: 8080 } }
          ]
        }
      ]
      scale: { minReplicas: 1, maxReplicas: 10 }
    }
  }
  dependsOn: [silos]
}

output apiUrl string = 'https://${api.properties.configuration.ingress.fqdn}'
